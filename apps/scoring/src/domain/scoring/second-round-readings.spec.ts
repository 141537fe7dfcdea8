import { FULL_ATTENDANCE_CASES } from '@app/contracts/attendance/full-attendance.cases';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { withDefaults } from '../policy/with-defaults';
import type { ScoringPolicy } from '../policy/scoring-policy';
import { agentMonth, leg, presentDay, record, withTotal } from '../testing/month-builder';
import { tallyAttendance } from './attendance-tally';
import { levelHeld } from './level-held';
import type { AgentMonthInput, ComplaintInput, DayInput, PastMonth } from './month-inputs';
import { emptyCallTally } from './month-inputs';
import { calendarDaysAway } from './not-appraised';
import { scoreMonth } from './score-month';
import type { Scorecard } from './scorecard';

/** Issue 16: each reading of the rulebooks that moves money, worked by hand. */
const P = DEFAULT_POLICY;
const score = (agents: AgentMonthInput[], period = '2026-10', policy: ScoringPolicy = P) => new Map(scoreMonth({ period, agents }, policy, 'default-1').map((c) => [c.agentId, c]));
const one = (a: AgentMonthInput) => score([a]).get(a.agentId)!;
const pay = (c: Scorecard) => c.pay.lines.map((l) => `${l.code}:${l.amount}`);
const past = (period: string, over: Partial<PastMonth> = {}): PastMonth => ({ period, appraised: true, total: 9000, rank: 1, deductionPoints: 0, levelBefore: 'regular', levelAfter: 'regular', ...over });
const complaint = (id: string, category: string): ComplaintInput => ({ complaintId: id, receivedAt: '2026-10-02T02:00:00.000Z', category });

describe('1. an appraisal item at 0 demotes a regular agent only', () => {
  const zeroItem = { id: 'ap', period: '2026-10', sections: { attitude: 30, capability: 30 }, total: 60, anyItemZero: true, carriedOver: false };
  it('a regular agent with an item at 0 goes to trainee; a one-star or two-star agent does not', () => {
    expect(one(agentMonth('R', { appraisal: zeroItem })).level).toMatchObject({ levelAfter: 'trainee', rule: 'item-zero' });
    // 30 + 30 + 4.25 + 5 + 8 + 10 = 87.25: a one-star keeps one-star, a two-star drops for the score (< 90), not to trainee.
    expect(one(agentMonth('S1', { appraisal: zeroItem, levelHeld: 'one-star' })).level).toMatchObject({ levelAfter: 'one-star', change: 'kept' });
    expect(one(agentMonth('S2', { appraisal: zeroItem, levelHeld: 'two-star' })).level).toMatchObject({ levelAfter: 'one-star', rule: 'two-star-below-90' });
  });
  it('counts the computed items professionalism and applying knowledge, not satisfaction or HR', () => {
    const qaZero = one(agentMonth('Q', { evaluations: [{ evaluationId: 'e', percent: 0, criticalFail: true }] }));
    expect(qaZero.components.find((c) => c.id === 'professionalism')!.score).toBe(0);
    expect(qaZero.level).toMatchObject({ levelAfter: 'trainee', rule: 'item-zero' });
    const knowledgeZero = one(agentMonth('K', { validComplaints: ['a', 'b', 'c', 'd', 'e'].map((id) => complaint(id, 'knowledge')) }));
    expect(knowledgeZero.level).toMatchObject({ levelAfter: 'trainee' });
    const satisfactionZero = one(agentMonth('T', { calls: { ...emptyCallTally(), rated: 10, goodRated: 5 } }));
    expect(satisfactionZero.components.find((c) => c.id === 'satisfaction')!.score).toBe(0);
    expect(satisfactionZero.level).toMatchObject({ levelAfter: 'regular', change: 'kept' }); // 30 + 28 + 4.25 + 5 + 0 + 10 = 77.25
  });
});

describe('2. awards: no service irregularity and no complaint', () => {
  const fine = (id: string, code: string, category: string, kind: 'penalty' | 'points' = 'penalty') => record(id, { kind, code, category, amount: kind === 'penalty' ? 20 : 0, points: kind === 'points' ? 3 : 0 });
  it('a hair fine does not bar the top scorer; arguing with a customer (3 points, phone) does', () => {
    const cards = score([
      withTotal('A', 95, { records: [fine('hair', 'HAIR', 'appearance')] }),
      withTotal('B', 96, { records: [fine('argue', 'ARGUING_WITH_CUSTOMER', 'phone', 'points')] }),
      withTotal('C', 90),
    ]);
    // B ranks first in the appraisal (93 after the 3 points) but is barred: A is the service star, C the rising star.
    expect(['A', 'B', 'C'].map((id) => cards.get(id)!.awardRank)).toEqual([1, null, 2]);
    expect(pay(cards.get('A')!)).toContain('SERVICE_STAR:100');
    expect(pay(cards.get('C')!)).toContain('RISING_STAR:50');
    expect(cards.get('B')!.flags).toContain('AWARD_BARRED');
  });
  it('disrespect (taboo), a long hold or a valid complaint bars; equipment, agreements and a loss do not', () => {
    const barred = (over: Partial<AgentMonthInput>) => score([withTotal('X', 99, over), withTotal('Y', 80)]).get('X')!.awardRank;
    expect(barred({ records: [fine('t', 'TABOO_DISRESPECT_CUSTOMER', 'taboo', 'points')] })).toBeNull();
    expect(barred({ calls: { ...emptyCallTally(), longHolds: [leg('c1', '2026-10-05T01:00:00Z', 200_000)] } })).toBeNull();
    expect(barred({ validComplaints: [complaint('c', 'attitude')] })).toBeNull();
    expect(barred({ records: [fine('e', 'UNRELATED_SOFTWARE', 'equipment'), fine('g', 'AGREEMENT_LOST', 'agreements'), fine('l', 'LOSS', 'loss')] })).toBe(1);
  });
});

describe('3. leaking secrets forfeits the month; deliberate damage raises the dismissal alert', () => {
  it('a leak: FORFEIT equal to minus every other line, pay 0, the record named, a critical dismissal alert', () => {
    const leak = record('leak-1', { kind: 'penalty', code: 'LEAK_SECRETS', category: 'dismissal', amount: 0, labelZh: '泄露公司机密', labelEn: 'Leaking secrets' });
    const c = one(agentMonth('A1', { records: [leak, record('r1', { kind: 'reward', code: 'PRAISE_LETTER', amount: 50, category: 'reward' })] }));
    // BASE 1100 + APPRAISAL_PAY 400 + FULL_ATTENDANCE 100 + SERVICE_STAR 100 + REWARD 50 + PENALTY 0 = 1750.
    expect(c.pay.lines.find((l) => l.code === 'FORFEIT')).toMatchObject({ amount: -1750, inputIds: ['leak-1'] });
    expect(c.pay.total).toBe(0);
    expect(c.alerts.find((a) => a.kind === 'scoring.dismissal')).toMatchObject({ severity: 'critical', facts: { recordIds: ['leak-1'], codes: ['LEAK_SECRETS'] } });
  });
  it('deliberate damage to a computer: the dismissal alert, pay unchanged, never a first-offence warning', () => {
    const damage = record('dmg', { kind: 'penalty', code: 'COMPUTER_DAMAGED_DELIBERATELY', category: 'dismissal', amount: 0 });
    const c = one(agentMonth('A1', { records: [damage] }));
    expect(c.pay.lines.some((l) => l.code === 'FORFEIT')).toBe(false);
    expect(c.pay.total).toBe(1700);
    expect(c.pay.lines.find((l) => l.code === 'PENALTY')!.warning).toBeUndefined();
    expect(c.alerts.map((a) => a.kind)).toContain('scoring.dismissal');
    expect(P.pay.firstOffence.exemptCodes).toContain('COMPUTER_DAMAGED_DELIBERATELY');
  });
});

describe('4. a level set by HR holds from its month on', () => {
  const closed = (period: string, levelAfter: PastMonth['levelAfter']) => past(period, { levelAfter });
  it('the HR level from its month, the closed chain after it', () => {
    const hr = { effectiveFrom: '2026-11', level: 'regular' as const };
    // October closed deciding trainee; HR makes the agent regular from November (OPS probation passed).
    expect(levelHeld('regular', closed('2026-10', 'trainee'), hr)).toBe('regular');
    // December chains from November's close (one-star), not from HR's setting.
    expect(levelHeld('regular', closed('2026-11', 'one-star'), hr)).toBe('one-star');
    // Without an HR setting in force the chain holds, whatever the directory says.
    expect(levelHeld('two-star', closed('2026-10', 'trainee'), undefined)).toBe('trainee');
    expect(levelHeld('trainee', undefined, undefined)).toBe('trainee');
  });
});

describe('7. the streak is the appraisal rank', () => {
  it('rank 1 three months running pays the streak bonus even when a complaint barred the awards', () => {
    const c = score([withTotal('A', 95, { validComplaints: [complaint('c', 'attitude')], history: [past('2026-09'), past('2026-08')] }), withTotal('B', 90)]).get('A')!;
    expect([c.rank, c.awardRank, c.rank1Streak]).toEqual([1, null, 3]);
    expect(pay(c)).toContain('STREAK_BONUS:200');
    expect(pay(c)).not.toContain('SERVICE_STAR:100');
  });
});

describe('8. not appraised: calendar days away, and the pay the appraisal earns withheld', () => {
  it('counts calendar days a stretch covers, weekends included; half days as half', () => {
    expect(calendarDaysAway([{ date: '2026-10-02', halfDay: false, bridgedFrom: null }, { date: '2026-10-05', halfDay: false, bridgedFrom: '2026-10-02' }])).toBe(4);
    expect(calendarDaysAway([{ date: '2026-10-02', halfDay: true, bridgedFrom: null }, { date: '2026-10-05', halfDay: false, bridgedFrom: null }])).toBe(1.5);
  });
  it('a month not appraised pays base and star bonus only: no appraisal pay, no full attendance, no award', () => {
    const away = [{ date: '2026-08-01', halfDay: false, bridgedFrom: null }, { date: '2026-10-01', halfDay: false, bridgedFrom: '2026-08-01' }];
    const c = one(agentMonth('A1', { awayDays: away, levelHeld: 'one-star' }));
    expect(c.kpis.awayDaysWindow.value).toBe(62);
    expect(pay(c)).toEqual(['BASE:1100', 'STAR_BONUS:200']);
  });
});

describe('10. applying knowledge: knowledge and process complaints, and error records', () => {
  it('an attitude complaint costs no knowledge point but still counts for demotion and awards; an error record costs 1', () => {
    const err = record('k1', { kind: 'adjustment', code: 'KNOWLEDGE_ERROR', points: -1, scorecardPart: 'knowledge', category: 'knowledge' });
    const c = one(agentMonth('A1', { validComplaints: [complaint('c1', 'attitude'), complaint('c2', 'attitude'), complaint('c3', 'process')], records: [err] }));
    const knowledge = c.components.find((x) => x.id === 'knowledge')!;
    expect(knowledge.score).toBe(3); // 5 − 1 (process complaint) − 1 (error record)
    expect(knowledge.inputIds).toEqual(['c3', 'k1']);
    expect(c.adjustments).toEqual([]); // the error record counts in the component, not again in the total
    expect(c.level).toMatchObject({ levelAfter: 'trainee', rule: 'regular-two-complaints' });
    expect(c.awardRank).toBeNull();
  });
});

describe('11. one occurrence, one deduction', () => {
  it('a hand record of a day or call already computed counts 0, with the reason; one of another day counts', () => {
    const late = presentDay('A1', '2026-10-03', { lateMinutes: 12 });
    const hand = (id: string, over: Parameters<typeof record>[1]) => record(id, { kind: 'points', points: 5, code: 'UNEXCUSED_LATE_EARLY_ABSENT', labelZh: '无故迟到', labelEn: 'late', ...over });
    const c = one(agentMonth('A1', {
      days: [late],
      calls: { ...emptyCallTally(), longHolds: [leg('call-9', '2026-10-05T01:00:00Z', 150_000)] },
      records: [
        hand('twin-day', { date: '2026-10-03' }),
        hand('other-day', { date: '2026-10-04' }),
        record('twin-call', { kind: 'points', points: 2, code: 'LONG_HOLD_UNREASONED', callId: 'call-9', labelZh: '长时间搁置', labelEn: 'long hold' }),
      ],
    }));
    expect(c.deductions.items.map((i) => [i.code, i.points, i.inputIds[0]])).toEqual([
      ['LATE', 5, 'day-A1-2026-10-03'], ['LONG_HOLD', 2, 'call-9'],
      ['UNEXCUSED_LATE_EARLY_ABSENT', 0, 'twin-day'], ['UNEXCUSED_LATE_EARLY_ABSENT', 5, 'other-day'], ['LONG_HOLD_UNREASONED', 0, 'twin-call'],
    ]);
    expect(c.deductions.monthPoints).toBe(12);
    expect(c.deductions.items[2].reason).toContain('not twice');
  });
});

describe('12. full attendance has one definition (the shared table)', () => {
  it.each(FULL_ATTENDANCE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const days: DayInput[] = c.days.map((d, i) => ({
      id: `d${i}`, date: d.date, status: d.status, lateMinutes: d.lateMinutes, earlyLeaveMinutes: d.earlyLeaveMinutes, excused: d.excused,
      leaveHalfDay: !!d.leaveHalfDay, leaveBreaksFullAttendance: d.leaveBreaksFullAttendance ?? null, breaksFullAttendance: d.breaksFullAttendance ?? null,
    }));
    const t = tallyAttendance(days, 0);
    expect([t.fullAttendance, t.fullAttendanceBrokenBy]).toEqual([c.fullAttendance, c.brokenBy]);
  });
});

describe('the supervisor scorecard', () => {
  it('appraisal 63 of 70 → 72, team good rate 90% → 9, HR 10, −10 per overturned record, −1 per valid team complaint; no pay, no level', () => {
    const sup = agentMonth('S01', {
      role: 'supervisor', team: 'T1', evaluations: [], calls: { ...emptyCallTally() },
      appraisal: { id: 'ap-S01', period: '2026-10', sections: { attitude: 33, capability: 30 }, total: 63, anyItemZero: false, carriedOver: false },
      records: [record('ov', { kind: 'adjustment', code: 'ISSUER_OVERTURNED', points: -10, labelZh: '所开奖罚单被推翻', labelEn: 'overturned' })],
    });
    const a1 = agentMonth('A1', { team: 'T1', calls: { ...emptyCallTally(), rated: 60, goodRated: 55 }, validComplaints: [complaint('c1', 'attitude')] });
    const a2 = agentMonth('A2', { team: 'T2', supervisorId: 'S01', calls: { ...emptyCallTally(), rated: 40, goodRated: 35 }, validComplaints: [complaint('c2', 'knowledge')] });
    const other = agentMonth('A3', { team: 'T3', calls: { ...emptyCallTally(), rated: 100, goodRated: 0 } });
    const c = score([sup, a1, a2, other]).get('S01')!;
    expect(c.scorecard).toBe('supervisor');
    expect(c.components.map((x) => [x.id, x.score])).toEqual([['appraisal', 72], ['satisfaction', 9], ['hr', 10]]);
    expect(c.components[1].inputIds).toEqual(['A1', 'A2']);
    expect(c.adjustments.map((x) => [x.code, x.points])).toEqual([['ISSUER_OVERTURNED', -10], ['TEAM_VALID_COMPLAINTS', -2]]);
    expect(c.total).toBe(79);
    expect(c.grade).toBe('pass');
    expect(c.pay).toEqual({ currency: 'CNY', lines: [], total: 0 });
    expect(c.level.change).toBe('kept');
    expect(c.rank).toBe(1); // ranked among supervisors, not agents
  });
  it('a policy without the supervisor card scores no supervisor', () => {
    const policy = { ...P, scorecards: { agent: P.scorecards.agent } };
    expect([...score([agentMonth('S01', { role: 'supervisor' })], '2026-10', policy).keys()]).toEqual([]);
  });
});

describe('stored policies written before these parameters', () => {
  it('read with the defaults filled in; a shift-lead card left out stays out', () => {
    const old = JSON.parse(JSON.stringify(P));
    delete old.pay.awardBarringCategories;
    delete old.scorecards.supervisor;
    delete old.scorecards['shift-lead'];
    const filled = withDefaults(old);
    expect(filled.pay.awardBarringCategories).toEqual(['phone', 'taboo']);
    expect(filled.scorecards.supervisor?.roles).toEqual(['supervisor', 'qa']);
    expect(filled.scorecards['shift-lead']).toBeUndefined();
  });
});
