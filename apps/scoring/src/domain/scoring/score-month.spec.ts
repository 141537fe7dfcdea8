import { DEFAULT_POLICY } from '../policy/default-policy';
import { MANUAL_BONUS_POLICY, OPS_POLICY } from '../policy/presets';
import type { ScoringPolicy } from '../policy/scoring-policy';
import { agentMonth, leg, presentDay, record, withTotal } from '../testing/month-builder';
import type { AgentMonthInput, PastMonth } from './month-inputs';
import { emptyCallTally } from './month-inputs';
import { figuresDifference, scoreFigures } from './score-figures';
import { scoreMonth } from './score-month';
import type { Scorecard } from './scorecard';

const P = DEFAULT_POLICY;
function score(agents: AgentMonthInput[], policy: ScoringPolicy = P, period = '2026-10'): Map<string, Scorecard> {
  return new Map(scoreMonth({ period, agents }, policy, `${policy.name}-1`).map((c) => [c.agentId, c]));
}
const one = (a: AgentMonthInput, policy: ScoringPolicy = P) => score([a], policy).get(a.agentId)!;
const comp = (c: Scorecard, id: string) => c.components.find((x) => x.id === id)!;
const payCodes = (c: Scorecard) => c.pay.lines.map((l) => `${l.code}:${l.amount}`);
const past = (period: string, over: Partial<PastMonth> = {}): PastMonth => ({ period, appraised: true, total: 8000, rank: null, deductionPoints: 0, levelBefore: 'regular', levelAfter: 'regular', ...over });

describe('scoreMonth: components, by hand', () => {
  it('adds attitude 30 + capability 28 + professionalism 4.25 + knowledge 5 + satisfaction 8 + HR 10 = 85.25', () => {
    const c = one(agentMonth('A1'));
    expect(c.components.map((x) => [x.id, x.score])).toEqual([
      ['attitude', 30], ['capability', 28], ['professionalism', 4.25], ['knowledge', 5], ['satisfaction', 8], ['hr', 10],
    ]);
    expect(c.total).toBe(85.25);
    expect(c.grade).toBe('good');
    expect(comp(c, 'professionalism').inputIds).toEqual(['A1-ev1', 'A1-ev2']);
    expect(comp(c, 'professionalism').reason).toBe('质检平均 85% × 5 / QA average 85% × 5');
    expect(comp(c, 'attitude').inputIds).toEqual(['appraisal-A1-2026-10']);
  });

  it('rounds professionalism half up on hundredths: QA 86.33% → 4.3165 → 4.32', () => {
    const c = one(agentMonth('A1', { evaluations: [{ evaluationId: 'e', percent: 86.33, criticalFail: false }] }));
    expect(comp(c, 'professionalism').score).toBe(4.32);
  });

  it('gives full professionalism, flagged, without QA evaluations; full satisfaction, flagged, without ratings', () => {
    const c = one(agentMonth('A1', { evaluations: [], calls: { ...emptyCallTally() } }));
    expect(comp(c, 'professionalism').score).toBe(5);
    expect(comp(c, 'satisfaction').score).toBe(10);
    expect(c.flags).toEqual(['NO_QA_EVALUATIONS', 'NO_RATINGS']);
  });

  it('scores satisfaction 0 below a 60% good rate and 6 at exactly 60%', () => {
    expect(comp(one(agentMonth('A1', { calls: { ...emptyCallTally(), rated: 100, goodRated: 59 } })), 'satisfaction').score).toBe(0);
    expect(comp(one(agentMonth('A1', { calls: { ...emptyCallTally(), rated: 5, goodRated: 3 } })), 'satisfaction').score).toBe(6);
    expect(comp(one(agentMonth('A1', { calls: { ...emptyCallTally(), rated: 3, goodRated: 2 } })), 'satisfaction').score).toBe(6.67);
  });

  it('takes 1 off knowledge per valid knowledge or process complaint, floor 0', () => {
    const complaints = (n: number, category = 'knowledge') => Array.from({ length: n }, (_, i) => ({ complaintId: `c${i}`, receivedAt: '2026-10-02T00:00:00Z', category }));
    expect(comp(one(agentMonth('A1', { validComplaints: complaints(2) })), 'knowledge').score).toBe(3);
    expect(comp(one(agentMonth('A1', { validComplaints: complaints(7, 'process') })), 'knowledge').score).toBe(0);
  });

  it('takes deduction points off HR: late 38 min (5) + long hold (2) + a 1-point record = 8 → HR 2; floor 0', () => {
    const a = agentMonth('A1', {
      days: [presentDay('A1', '2026-10-03', { lateMinutes: 38 }), presentDay('A1', '2026-10-04', { lateMinutes: 10, excused: true })],
      calls: { ...emptyCallTally(), longHolds: [leg('c9', '2026-10-05T03:00:00.000Z', 150_000)] },
      records: [record('r1', { kind: 'points', points: 1, code: 'DESK_UNTIDY', labelZh: '桌面不整洁', labelEn: 'desk untidy' })],
    });
    const c = one(a);
    expect(comp(c, 'hr').score).toBe(2);
    expect(c.deductions.items.map((i) => [i.code, i.points, i.reason])).toEqual([
      ['LATE', 5, 'HR −5: 迟到 38 分钟 / late 38 min, 2026-10-03'],
      ['LONG_HOLD', 2, 'HR −2: 长时间搁置电话 150 秒 / long hold 150 s, 2026-10-05'],
      ['DESK_UNTIDY', 1, 'HR −1: 桌面不整洁 / desk untidy, 2026-10-10'],
    ]);
    expect(c.deductions.monthPoints).toBe(8);
    expect(comp(c, 'hr').inputIds).toEqual(['day-A1-2026-10-03', 'c9', 'r1']);
    const absent = one(agentMonth('A1', { days: ['01', '02', '03'].map((d) => presentDay('A1', `2026-10-${d}`, { status: 'absent' })) }));
    expect(comp(absent, 'hr').score).toBe(0);
    expect(absent.kpis.absences.value).toBe(3);
  });

  it('counts deduction points over 6 months from the facts of the months inside the window', () => {
    const absent = (date: string) => presentDay('A1', date, { status: 'absent' });
    const pointsRecord = (id: string, points: number) => record(id, { kind: 'points', points, code: 'CLIQUES' });
    const c = one(agentMonth('A1', {
      days: [absent('2026-10-03')],
      windowFacts: [
        { period: '2026-09', days: [absent('2026-09-01'), absent('2026-09-02')], longHolds: [], records: [] },
        { period: '2026-05', days: [], longHolds: [leg('h1', '2026-05-03T01:00:00Z', 200_000)], records: [pointsRecord('r5', 13)] },
        { period: '2026-04', days: [absent('2026-04-01')], longHolds: [], records: [pointsRecord('r4', 40)] },
      ],
      history: [past('2026-09', { deductionPoints: 0 })],
    }));
    expect(c.deductions.windowPoints).toBe(30); // 5 + 10 + (2 + 13); April is outside May–October; September's closed card said 0
    expect(c.alerts.map((a) => a.kind)).toContain('scoring.points-limit');
  });

  it('applies adjustments (meeting −5, test +5, issuer overturned −10) and clamps the total to 0–100', () => {
    const adj = (id: string, code: string, points: number) => record(id, { kind: 'adjustment', code, points });
    const c = one(agentMonth('A1', { records: [adj('m', 'MEETING_FAULT', -5), adj('t', 'MONTHLY_TEST_TOP3', 5), adj('o', 'ISSUER_OVERTURNED', -10)] }));
    expect(c.total).toBe(75.25);
    expect(c.adjustments.map((x) => x.points)).toEqual([-5, 5, -10]);
    expect(one(withTotal('A2', 100, { records: [adj('t', 'MONTHLY_TEST_TOP3', 5)] })).total).toBe(100);
  });

  it('places grade edges exactly: 90 excellent, 89.99 good, 80 good, 79.99 pass, 70 pass, 69.99 fail', () => {
    const grades = [90, 89.99, 80, 79.99, 70, 69.99].map((t) => one(withTotal('A', t, { levelHeld: 'trainee' })).grade);
    expect(grades).toEqual(['excellent', 'good', 'good', 'pass', 'pass', 'fail']);
  });
});

describe('scoreMonth: levels', () => {
  const lv = (total: number, over: Partial<AgentMonthInput>) => one(withTotal('A', total, over)).level;
  it('promotes to the highest level reached, one step a month', () => {
    expect(lv(80, { levelHeld: 'trainee' })).toMatchObject({ levelAfter: 'regular', change: 'promoted' });
    expect(lv(79.99, { levelHeld: 'trainee' })).toMatchObject({ levelAfter: 'trainee', change: 'kept' });
    expect(lv(96, { levelHeld: 'trainee' })).toMatchObject({ levelAfter: 'regular' });
    expect(lv(90, { levelHeld: 'regular' })).toMatchObject({ levelAfter: 'one-star' });
    expect(lv(95, { levelHeld: 'one-star' })).toMatchObject({ levelAfter: 'two-star' });
    expect(lv(94.99, { levelHeld: 'one-star' })).toMatchObject({ levelAfter: 'one-star', change: 'kept' });
  });
  it('demotes per rules.md §7', () => {
    expect(lv(69.99, { levelHeld: 'regular' })).toMatchObject({ levelAfter: 'trainee', rule: 'regular-below-70' });
    expect(lv(79.99, { levelHeld: 'one-star' })).toMatchObject({ levelAfter: 'regular', rule: 'one-star-below-80' });
    expect(lv(89.99, { levelHeld: 'two-star' })).toMatchObject({ levelAfter: 'one-star', rule: 'two-star-below-90' });
    expect(lv(69, { levelHeld: 'two-star' })).toMatchObject({ levelAfter: 'trainee', rule: 'star-below-70' });
    const two = [{ complaintId: 'c1', receivedAt: '' }, { complaintId: 'c2', receivedAt: '' }];
    expect(lv(99, { levelHeld: 'regular', validComplaints: two })).toMatchObject({ levelAfter: 'trainee', rule: 'regular-two-complaints' });
    expect(lv(99, { levelHeld: 'two-star', validComplaints: two })).toMatchObject({ levelAfter: 'regular', rule: 'star-two-complaints' });
    const zero = { id: 'ap', period: '2026-10', sections: { attitude: 35, capability: 30 }, total: 65, anyItemZero: true, carriedOver: false };
    expect(lv(85, { levelHeld: 'regular', appraisal: zero })).toMatchObject({ levelAfter: 'trainee', rule: 'item-zero' });
  });
  it('applies the lowest outcome when several demotions apply', () => {
    const two = [{ complaintId: 'c1', receivedAt: '' }, { complaintId: 'c2', receivedAt: '' }];
    expect(lv(75, { levelHeld: 'one-star', validComplaints: two })).toMatchObject({ levelAfter: 'regular' });
    expect(lv(60, { levelHeld: 'one-star', validComplaints: two })).toMatchObject({ levelAfter: 'trainee', rule: 'star-below-70' });
  });
  it('bars a promotion taking effect in the quarter a demotion took effect in (changes take effect the next month)', () => {
    const demoted = (period: string) => [past(period, { levelBefore: 'regular', levelAfter: 'trainee' })];
    const decide = (period: string, demotedOn: string) => scoreMonth({ period, agents: [withTotal('A', 85, { levelHeld: 'trainee', history: demoted(demotedOn) })] }, P, 'd')[0].level;
    // Demoted on March's score (effective April, Q2): promotions decided on April's and May's scores take effect in Q2.
    expect(decide('2026-04', '2026-03')).toMatchObject({ levelAfter: 'trainee', rule: 'barred-after-demotion' });
    expect(decide('2026-05', '2026-03')).toMatchObject({ levelAfter: 'trainee', rule: 'barred-after-demotion' });
    // Decided on June's score, a promotion takes effect in July (Q3): a demotion effective in May does not bar it.
    expect(decide('2026-06', '2026-04')).toMatchObject({ levelAfter: 'regular', change: 'promoted' });
    // The months themselves share a quarter (September), but the demotion took effect in Q3 and the promotion in Q4.
    expect(decide('2026-09', '2026-08')).toMatchObject({ levelAfter: 'regular', change: 'promoted' });
  });
});

describe('scoreMonth: pay', () => {
  it('pays a regular agent BASE 1100 + APPRAISAL_PAY 400 + FULL_ATTENDANCE 100 + SERVICE_STAR 100 when alone', () => {
    const c = one(agentMonth('A1'));
    expect(payCodes(c)).toEqual(['BASE:1100', 'APPRAISAL_PAY:400', 'FULL_ATTENDANCE:100', 'SERVICE_STAR:100']);
    expect(c.pay.total).toBe(1700);
  });
  it('pays no full-attendance bonus for a month without a rostered day', () => {
    const c = one(agentMonth('A1', { rosteredDays: 0, plainWorkedDays: 0, days: [] }));
    expect([payCodes(c).includes('FULL_ATTENDANCE:100'), c.kpis.fullAttendance.value]).toEqual([false, 0]);
  });
  it('pays a trainee base only, and star bonuses 200 / 300 at the level held', () => {
    expect(payCodes(one(agentMonth('A1', { levelHeld: 'trainee', validComplaints: [{ complaintId: 'c', receivedAt: '' }] })))).toEqual(['BASE:1100']);
    expect(payCodes(one(agentMonth('A1', { levelHeld: 'two-star', days: [presentDay('A1', '2026-10-01', { status: 'leave', leaveBreaksFullAttendance: true })] })))).toEqual(['BASE:1100', 'APPRAISAL_PAY:400', 'STAR_BONUS:300', 'SERVICE_STAR:100']);
  });
  it('ranks eligible agents with ties 1-1-3 for the awards: two service stars, no rising star', () => {
    const cards = score([withTotal('A', 90), withTotal('B', 90), withTotal('C', 88), withTotal('D', 99, { validComplaints: [{ complaintId: 'x', receivedAt: '' }] })]);
    expect(['A', 'B', 'C', 'D'].map((id) => cards.get(id)!.awardRank)).toEqual([1, 1, 3, null]);
    expect(['A', 'B', 'C', 'D'].map((id) => cards.get(id)!.rank)).toEqual([2, 2, 4, 1]); // the appraisal rank counts everyone appraised
    expect(cards.get('A')!.pay.lines.map((l) => l.code)).toContain('SERVICE_STAR');
    expect(cards.get('C')!.pay.lines.map((l) => l.code)).not.toContain('RISING_STAR');
    const two = score([withTotal('A', 90), withTotal('B', 85), withTotal('C', 85)]);
    expect(['A', 'B', 'C'].map((id) => two.get(id)!.pay.lines.filter((l) => l.code.endsWith('STAR')).map((l) => `${l.code}:${l.amount}`))).toEqual([['SERVICE_STAR:100'], ['RISING_STAR:50'], ['RISING_STAR:50']]);
  });
  it('excludes an agent with a service-category record from awards, a warning included', () => {
    const tone = record('p', { kind: 'penalty', code: 'IMPROPER_TONE', amount: 0, warning: true, category: 'phone', labelZh: '不当言词及语气', labelEn: 'improper tone' });
    const cards = score([withTotal('A', 95, { records: [tone] }), withTotal('B', 80)]);
    expect(cards.get('A')!.awardRank).toBeNull();
    expect(cards.get('A')!.flags).toContain('AWARD_BARRED');
    expect(cards.get('B')!.awardRank).toBe(1);
  });
  it('warns the first offence of a penalty code in 12 months at 0 yuan and fines the next', () => {
    const games = (id: string, at: string) => record(id, { kind: 'penalty', code: 'GAMES', amount: 10, occurredAt: at, labelZh: '玩游戏', labelEn: 'games' });
    const c = one(agentMonth('A1', { records: [games('p2', '2026-10-20T01:00:00Z'), games('p1', '2026-10-05T01:00:00Z')] }));
    expect(c.pay.lines.filter((l) => l.code === 'PENALTY').map((l) => [l.inputIds[0], l.amount, !!l.warning])).toEqual([['p1', 0, true], ['p2', -10, false]]);
    const prior = one(agentMonth('A1', { records: [games('p3', '2026-10-05T01:00:00Z')], priorPenalties: [{ code: 'GAMES', occurredAt: '2025-11-01T00:00:00Z' }] }));
    expect(prior.pay.lines.find((l) => l.code === 'PENALTY')!.amount).toBe(-10);
    const old = one(agentMonth('A1', { records: [games('p3', '2026-10-05T01:00:00Z')], priorPenalties: [{ code: 'GAMES', occurredAt: '2025-10-04T00:00:00Z' }] }));
    expect(old.pay.lines.find((l) => l.code === 'PENALTY')!.amount).toBe(0);
    const warned = one(agentMonth('A1', { records: [games('p9', '2026-10-05T01:00:00Z'), { ...games('p8', '2026-10-20T01:00:00Z'), amount: 0, warning: true }] }));
    expect(warned.pay.lines.filter((l) => l.code === 'PENALTY').map((l) => [l.amount, !!l.warning])).toEqual([[0, true], [0, true]]); // qa's warning is honoured
    const loss = one(agentMonth('A1', { records: [record('l', { kind: 'penalty', code: 'LOSS', amount: 123.45, labelZh: '损失', labelEn: 'loss' })] }));
    expect(payCodes(loss)).toContain('LOSS:-123.45');
  });
  it('fines ring violations 20 each, the first in 12 months a warning', () => {
    const calls = { ...emptyCallTally(), ringViolations: [leg('c2', '2026-10-06T01:00:00Z', 18_000), leg('c1', '2026-10-05T01:00:00Z', 16_000)] };
    const c = one(agentMonth('A1', { calls }));
    expect(c.pay.lines.filter((l) => l.code === 'RING_UNANSWERED').map((l) => [l.inputIds[0], l.amount])).toEqual([['c1', 0], ['c2', -20]]);
    expect(c.kpis.ringViolations).toEqual({ value: 2, calls: 'ringViolations' });
    const prior = one(agentMonth('A1', { calls: { ...calls, priorRingViolationAt: '2026-03-01T00:00:00Z' } }));
    expect(prior.pay.lines.filter((l) => l.code === 'RING_UNANSWERED').map((l) => [l.amount, l.inputIds, l.reason])).toEqual([[-40, ['c1', 'c2'], '响铃超时 2 次 × 20.00 元 = −40.00 元 / 2 ring violation(s) × 20.00 yuan']]);
    expect(prior.kpis.penaltiesYuan.value).toBe(40);
  });
  it('pays the streak bonus 200 once, at rank 1 for the third month running', () => {
    const h = [past('2026-09', { rank: 1 }), past('2026-08', { rank: 1 })];
    const c = one(withTotal('A', 90, { history: h }));
    expect(c.rank1Streak).toBe(3);
    expect(payCodes(c)).toContain('STREAK_BONUS:200');
    expect(c.alerts.map((a) => a.kind)).toContain('scoring.rank-streak');
    const fourth = one(withTotal('A', 90, { history: [...h, past('2026-07', { rank: 1 })] }));
    expect(payCodes(fourth)).not.toContain('STREAK_BONUS:200');
    const sixth = one(withTotal('A', 90, { history: [...h, ...['2026-07', '2026-06', '2026-05'].map((p) => past(p, { rank: 1 }))] }));
    expect([sixth.rank1Streak, payCodes(sixth).includes('STREAK_BONUS:200')]).toEqual([6, true]); // the second run of three
    const gap = one(withTotal('A', 90, { history: [past('2026-09', { rank: 1 }), past('2026-07', { rank: 1 })] }));
    expect(gap.rank1Streak).toBe(2);
  });
});

describe('scoreMonth: exclusion and alerts', () => {
  it('does not appraise an agent away more than 60 days in 3 months: KPIs shown, no score, rank, award or level change', () => {
    const days = Array.from({ length: 20 }, (_, i) => presentDay('A1', `2026-10-${String(i + 1).padStart(2, '0')}`, { status: 'leave' }));
    // Leave 1 Aug … 30 Sep as two stretches of rostered days whose rest days lie between: 61 calendar days.
    const away = [{ date: '2026-08-01', halfDay: false, bridgedFrom: null }, { date: '2026-09-30', halfDay: false, bridgedFrom: '2026-08-01' }];
    const c = one(agentMonth('A1', { awayDays: away, days, levelHeld: 'trainee' }));
    expect(c).toMatchObject({ appraised: false, total: null, grade: null, rank: null, level: { levelAfter: 'trainee', change: 'kept' } });
    expect(c.kpis.offered.value).toBe(12);
    expect(c.flags).toContain('NOT_APPRAISED');
    const edge = one(agentMonth('A1', { awayDays: [{ date: '2026-08-02', halfDay: false, bridgedFrom: null }, { date: '2026-09-30', halfDay: false, bridgedFrom: '2026-08-02' }], days }));
    expect(edge.appraised).toBe(true); // exactly 60 is not more than 60
  });
  it('raises HR interview after 3 appraised months below 60, dismissal review after 2 below 70, priority at 95', () => {
    const kinds = (total: number, history: PastMonth[]) => one(withTotal('A', total, { history, levelHeld: 'trainee' })).alerts.map((a) => a.kind);
    expect(kinds(59, [past('2026-09', { total: 5900 }), past('2026-08', { total: 5000 })])).toEqual(['scoring.hr-interview', 'scoring.dismissal-review']);
    expect(kinds(69, [past('2026-09', { total: 6999 })])).toEqual(['scoring.dismissal-review']);
    expect(kinds(69, [past('2026-09', { total: 7000 })])).toEqual([]);
    expect(kinds(95, [])).toEqual(['scoring.promotion-priority']);
    const two = [{ complaintId: 'c1', receivedAt: '' }, { complaintId: 'c2', receivedAt: '' }];
    const c = one(withTotal('A', 85, { validComplaints: two }));
    expect(c.alerts.map((a) => [a.kind, a.severity, a.facts.validComplaints])).toEqual([['scoring.complaints-demotion', 'warning', 2]]);
    expect(c.alerts[0].title).toBe('本月有效投诉 2 次, 降级 / 2 valid complaints this month: demotion');
  });
});

describe('presets', () => {
  it('ops: grade C (60–74.99) costs 100 yuan and needs a justification; D below 60', () => {
    const c = one(withTotal('A', 70), OPS_POLICY);
    expect(c.grade).toBe('C');
    expect(c.flags).toContain('JUSTIFICATION_REQUIRED');
    expect(payCodes(c)).toContain('GRADE_DEDUCTION:-100');
    expect(one(withTotal('A', 59.99), OPS_POLICY).grade).toBe('D');
    expect(one(withTotal('A', 80), OPS_POLICY)).toMatchObject({ grade: 'B', justificationRequired: false });
  });
  it('manual-bonus: workload 60 × 300/600 + appraisal 30 × 58/70 + HR 10 = 30 + 24.86 + 10', () => {
    const c = one(agentMonth('A1', { calls: { ...emptyCallTally(), answered: 300 } }), MANUAL_BONUS_POLICY);
    expect(c.components.map((x) => x.score)).toEqual([30, 24.86, 10]);
    expect(c.total).toBe(64.86);
  });
  it('shift lead: volume 45 − 10, quality 45 − 5, conduct 10 from the records filed against them', () => {
    const part = (id: string, p: 'volume' | 'quality' | 'conduct', points: number) => record(id, { kind: 'points', points, scorecardPart: p });
    const c = one(agentMonth('L1', { role: 'shift-lead', records: [part('v1', 'volume', 5), part('v2', 'volume', 5), part('q1', 'quality', 5)] }));
    expect(c.components.map((x) => [x.id, x.score, x.inputIds])).toEqual([['volume', 35, ['v1', 'v2']], ['quality', 40, ['q1']], ['conduct', 10, []]]);
    expect(c.total).toBe(85);
    expect(c.deductions.monthPoints).toBe(0);
    // As qa-evaluation files them: adjustments with negative points against a part, never the total.
    const qa = one(agentMonth('L1', { role: 'shift-lead', records: [record('v', { kind: 'adjustment', points: -10, scorecardPart: 'volume' }), record('c', { kind: 'adjustment', points: -10, scorecardPart: 'conduct' })] }));
    expect([qa.components.map((x) => x.score), qa.adjustments, qa.total]).toEqual([[35, 45, 0], [], 80]);
  });
});

describe('figuresDifference', () => {
  it('ignores key order (jsonb reorders keys) and names what changed', () => {
    const f = scoreFigures(one(agentMonth('A1')));
    const reordered = JSON.parse(JSON.stringify({ ...f, pay: { total: f.pay.total, lines: f.pay.lines.map((l) => ({ labelEn: l.labelEn, amount: l.amount, code: l.code, labelZh: l.labelZh })), currency: 'CNY' } }));
    expect(figuresDifference(reordered, f)).toEqual({});
    expect(figuresDifference(f, { ...f, totalScore: 80 })).toEqual({ totalScore: { before: 85.25, after: 80 } });
  });
});

describe('the policy catalogue', () => {
  it('overrides a record amount and points by code', () => {
    const policy: ScoringPolicy = { ...P, catalogue: { GAMES: { amount: 15 }, DESK_UNTIDY: { points: 3 } } };
    const games = (id: string, at: string) => record(id, { kind: 'penalty', code: 'GAMES', amount: 10, occurredAt: at, labelZh: '玩游戏', labelEn: 'games' });
    const c = one(agentMonth('A1', { records: [games('p1', '2026-10-05T01:00:00Z'), games('p2', '2026-10-06T01:00:00Z'), record('d', { kind: 'points', points: 1, code: 'DESK_UNTIDY' })] }), policy);
    expect(c.pay.lines.filter((l) => l.code === 'PENALTY').map((l) => l.amount)).toEqual([0, -15]);
    expect(c.deductions.monthPoints).toBe(3);
  });
});
