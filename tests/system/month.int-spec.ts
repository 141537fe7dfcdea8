import { DateTime } from 'luxon';
import type { ScoreEvent } from '@app/contracts';
import { PERSONAS } from '../../scripts/demo/api';
import { DemoPayroll } from '../../scripts/demo/payroll-subscriber';
import { JsTestClient } from '../support/js-client';
import { buildServicesOnce, SystemProcesses } from '../support/system-processes';
import { createTestEnv, type TestEnv } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { driveSmallMonth, lastMonth, openAppraisalWindow, SMALL_AGENTS, SMALL_SUPERVISORS } from './small-month';

interface Card {
  agentId: string;
  appraised: boolean;
  total: number | null;
  grade: string | null;
  rank: number | null;
  awardRank: number | null;
  scorecard: string;
  adjustments: Array<{ code: string; points: number; inputIds: string[] }>;
  level: { levelBefore: string; levelAfter: string; change: string; rule: string | null };
  pay: { total: number; lines: Array<{ code: string; amount: number; warning?: boolean }> };
  deductions: { monthPoints: number };
  components: Array<{ id: string; score: number }>;
  flags: string[];
  kpis: Record<string, { value: number | boolean | null }>;
}

interface Expected {
  total: number | null;
  grade: string | null;
  /** The appraisal rank among everyone appraised on the card. */
  rank: number | null;
  /** The rank among those eligible for the awards (no service irregularity, no valid complaint). */
  awardRank: number | null;
  levelAfter: string;
  rule: string | null;
  pay: number;
  payLines: Record<string, number>;
}

/*
 * Worked out by hand from the default policy (issue 11; apps/scoring/src/domain/policy/default-policy.ts).
 * total = attitude (appraisal section /35 × 35) + capability (/35 × 35) + professionalism 5 (no QA
 * evaluation in the month: full, flagged) + knowledge (5 − 1 per valid complaint) + satisfaction
 * (10 × good rate, 0 below 60 %) + HR (10 − deduction points).
 * The appraisal rank counts everyone appraised: A1 99, A12 99, A3 97, A11 90, A8 89, A6 89, A2 86.67, A9 85, A13 80,
 * A5 78, A7 69, A4 65. Awards go by the rank among agents with no service irregularity and no valid complaint (issue 16):
 * A12 (NOT_WARM, a phone-category record) and A8, A11 (complaints) are barred; A4's GAMES_WEBSITES (discipline) is not.
 * A1 99, A3 97, A6 89, A2 86.67, A9 85, A13 80, A5 78, A7 69, A4 65 → A1 SERVICE_STAR 100, A3 RISING_STAR 50 (were A12
 * not barred, A1 and A12 would share the service star and A3, third, would get nothing).
 * Pay at the level held: BASE 1100; APPRAISAL_PAY 400 (regular and above); STAR_BONUS 200/300;
 * FULL_ATTENDANCE 100 (regular and above, no late/early/absence).
 */
const EXPECTED: Record<string, Expected> = {
  // 35 + 35 + 5 + 5 + 10 (3 of 3 good) + (10 − 1 DESK_UNTIDY) = 99.00 → regular reaches two-star's 95 but climbs one step.
  // Pay 1100 + 400 + 100 full attendance + 100 service star (rank 1) = 1700.
  A1: { total: 99, grade: 'excellent', rank: 1, awardRank: 1, levelAfter: 'one-star', rule: 'promote-one-star', pay: 1700, payLines: { BASE: 1100, APPRAISAL_PAY: 400, FULL_ATTENDANCE: 100, SERVICE_STAR: 100 } },
  // 30 + 30 + 5 + 5 + 10 × 2/3 = 6.67 (half-up of 6.666…) + 10 = 86.67 → trainee ≥ 80 → regular. Trainee pay: base only.
  A2: { total: 86.67, grade: 'good', rank: 7, awardRank: 4, levelAfter: 'regular', rule: 'promote-regular', pay: 1100, payLines: { BASE: 1100 } },
  // 34 + 33 + 5 + 5 + 10 + 10 = 97.00 → one-star ≥ 95 → two-star. 1100 + 400 + 200 star + 100 full + 50 rising star (rank 2) = 1850.
  A3: { total: 97, grade: 'excellent', rank: 3, awardRank: 2, levelAfter: 'two-star', rule: 'promote-two-star', pay: 1850, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100, RISING_STAR: 50 } },
  // 25 + 25 + 5 + 5 + 0 (1 of 3 good = 33 % < 60 %) + (10 − 5 late 38 min) = 65.00 → regular < 70 → trainee.
  // GAMES_WEBSITES twice: the first is a first-offence warning at 0, the second −10. 1100 + 400 − 10 = 1490 (late: no full attendance).
  A4: { total: 65, grade: 'fail', rank: 12, awardRank: 9, levelAfter: 'trainee', rule: 'regular-below-70', pay: 1490, payLines: { BASE: 1100, APPRAISAL_PAY: 400, PENALTY: -10 } },
  // 24 + 24 + 5 + 5 + 10 + 10 = 78.00 → one-star < 80 → regular. 1100 + 400 + 200 + 100 = 1800.
  A5: { total: 78, grade: 'pass', rank: 10, awardRank: 7, levelAfter: 'regular', rule: 'one-star-below-80', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
  // 29 + 30 + 5 + 5 + 10 + 10 = 89.00 → two-star < 90 → one-star. 1100 + 400 + 300 + 100 = 1900.
  A6: { total: 89, grade: 'good', rank: 5, awardRank: 3, levelAfter: 'one-star', rule: 'two-star-below-90', pay: 1900, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 300, FULL_ATTENDANCE: 100 } },
  // 20 + 19 + 5 + 5 + 10 + 10 = 69.00 → one-star < 70 → trainee (lower than one-star < 80's regular: the lowest wins). 1800.
  A7: { total: 69, grade: 'fail', rank: 11, awardRank: 8, levelAfter: 'trainee', rule: 'star-below-70', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
  // 30 + 30 + 5 + (5 − 1: of two valid complaints only the knowledge one costs a knowledge point) + 10 + 10 = 89.00;
  // regular with two valid complaints (any category) → trainee. 1600.
  A8: { total: 89, grade: 'good', rank: 5, awardRank: null, levelAfter: 'trainee', rule: 'regular-two-complaints', pay: 1600, payLines: { BASE: 1100, APPRAISAL_PAY: 400, FULL_ATTENDANCE: 100 } },
  // (0 + 10 + 10) + 35 + 5 + 5 + 10 + 10 = 85.00 → a one-star with an appraisal item at 0 keeps one-star: the item-zero
  // demotion stands under 普通员工 alone (issue 16). 1800.
  A9: { total: 85, grade: 'good', rank: 8, awardRank: 5, levelAfter: 'one-star', rule: null, pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
  // Absent every rostered day of three months (> 60 calendar days away): not appraised, level kept; a month not appraised
  // pays no appraisal pay, no full attendance and no award (issue 16): base 1100 only.
  A10: { total: null, grade: null, rank: null, awardRank: null, levelAfter: 'regular', rule: null, pay: 1100, payLines: { BASE: 1100 } },
  // 35 + 35 + 5 + 5 + 10 + (10 − 1 NOT_WARM) = 99.00 → regular → one-star; barred from the awards. 1100 + 400 + 100 = 1600.
  A12: { total: 99, grade: 'excellent', rank: 1, awardRank: null, levelAfter: 'one-star', rule: 'promote-one-star', pay: 1600, payLines: { BASE: 1100, APPRAISAL_PAY: 400, FULL_ATTENDANCE: 100 } },
  // 25 + 25 + 5 + 5 + 10 + 10 = 80.00, kept regular; LEAK_SECRETS: the month's 1100 + 400 + 100 is forfeited → 0.
  A13: { total: 80, grade: 'good', rank: 9, awardRank: 6, levelAfter: 'regular', rule: null, pay: 0, payLines: { BASE: 1100, APPRAISAL_PAY: 400, FULL_ATTENDANCE: 100, PENALTY: 0, FORFEIT: -1600 } },
  // 30 + 30 + 5 + 5 (attitude complaints cost no knowledge point) + 10 + 10 = 90.00 → a star with two valid complaints → regular. 1800.
  A11: { total: 90, grade: 'excellent', rank: 4, awardRank: null, levelAfter: 'regular', rule: 'star-two-complaints', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
};

/*
 * The supervisors' own card (issue 16): the manager's appraisal /70 scaled to 80, the team's good-rating rate × 10, HR 10,
 * −1 per valid complaint against the team. S01 (T1: A1 3/3, A2 2/3, A3 3/3, A7 3/3, A8 3/3, A11 3/3, A12 3/3 good = 20 of
 * 21): 63/70 × 80 = 72 + 9.52 + 10 − 4 (A8's and A11's two each) = 87.52. S02 (T2: A4 1/3, A5, A6, A9, A13 3/3, A10 none
 * = 13 of 15): 56/70 × 80 = 64 + 8.67 + 10 = 82.67. No pay lines, no level change.
 */
const EXPECTED_SUPERVISORS: Record<string, { total: number; grade: string; rank: number; satisfaction: number; teamComplaints: number }> = {
  S01: { total: 87.52, grade: 'good', rank: 1, satisfaction: 9.52, teamComplaints: -4 },
  S02: { total: 82.67, grade: 'good', rank: 2, satisfaction: 8.67, teamComplaints: 0 },
};
const EVERYONE = SMALL_AGENTS.length + SMALL_SUPERVISORS.length;

/*
 * Issue 19, the transcripts of small-month.ts (smallMonthTranscripts) on the default speech policy, by hand:
 * A2-1 opening ✓ closing ✓, nothing else; A2-2 opening ✗ closing ✓, 这不是我负责 (1), 投诉 (risk); A5-1 opening ✓ closing ✗,
 * 不知道 + 这不是我负责 (2), 不满意 (risk). Scorecard: A2 2 calls, 3 of 4 scripts = 75.00 %, 1 phrase / 2 calls × 100 = 50.00;
 * A5 1 call, 1 of 2 = 50.00 %, 2 / 1 × 100 = 200.00; everyone else 0 calls, nulls. They count in nothing (professionalism
 * stays the full 5 and flagged NO_QA_EVALUATIONS: EXPECTED is unchanged).
 */
const AUTO_EXPECTED: Record<string, { opening: boolean; closing: boolean; forbidden: number; risk: number }> = {
  'A2-1': { opening: true, closing: true, forbidden: 0, risk: 0 },
  'A2-2': { opening: false, closing: true, forbidden: 1, risk: 1 },
  'A5-1': { opening: true, closing: false, forbidden: 2, risk: 1 },
};
const AUTO_KPIS: Record<string, [number, number | null, number | null]> = { A2: [2, 75, 50], A5: [1, 50, 200] };
const autoKpis = (c: Card) => [c.kpis.autoQaCallsChecked?.value, c.kpis.autoQaScriptAdherencePct?.value, c.kpis.autoQaForbiddenPer100Calls?.value];
const autoWanted = (agentId: string) => AUTO_KPIS[agentId] ?? [0, null, null];

const payByCode = (lines: Array<{ code: string; amount: number }>) =>
  lines.reduce<Record<string, number>>((m, l) => ((m[l.code] = Math.round(((m[l.code] ?? 0) + l.amount) * 100) / 100), m), {});

/** The five services as separate processes; a small month through the public APIs, closed, checked against hand-worked figures. */
describe('the whole month, end to end', () => {
  const period = lastMonth();
  let env: TestEnv;
  let sys: SystemProcesses;
  let payroll: DemoPayroll;
  let stream: JsTestClient;
  let recordIds: Map<string, string>;

  beforeAll(async () => {
    await buildServicesOnce();
    env = await createTestEnv();
    sys = await SystemProcesses.start(env);
    payroll = await DemoPayroll.start(env.nats.url, period);
    stream = await JsTestClient.connect(env.nats.url);
  }, 420_000);

  afterAll(async () => {
    await payroll?.close();
    await stream?.close();
    await sys?.stopAll();
    await env?.dispose();
  }, 60_000);

  const cards = () => sys.api.all<Card>('scoring', `/v1/scorecards?period=${period}`, PERSONAS.hr);

  it('scores every agent as worked out by hand, closes once, and tells payroll once per agent', async () => {
    await openAppraisalWindow(sys.api);
    recordIds = await driveSmallMonth(sys.api, period);

    // Facts travel as events: wait until the provisional scorecards hold the whole month.
    const want = Object.fromEntries([...Object.entries(EXPECTED), ...Object.entries(EXPECTED_SUPERVISORS)].map(([id, e]) => [id, e.total]));
    let seen = '';
    await waitFor(async () => {
      const now = await cards();
      const got = Object.fromEntries(now.map((c) => [c.agentId, c.total]));
      const a10 = now.find((c) => c.agentId === 'A10');
      seen = JSON.stringify({ got, a10Absences: a10?.kpis.absences?.value });
      return JSON.stringify(got, Object.keys(want).sort()) === JSON.stringify(want, Object.keys(want).sort()) && Number(a10?.kpis.absences?.value ?? 0) >= 28 ? now : null;
    }, 'the provisional scorecards to hold the month', 120_000, 500).catch((e: Error) => {
      throw new Error(`${e.message}; last seen ${seen}`);
    });

    // Issue 19: the automatic evaluations, by hand (AUTO_EXPECTED), on qa; then on the scorecards before the close (a
    // check arriving after it would revise the closed month).
    for (const [key, e] of Object.entries(AUTO_EXPECTED)) {
      const callId = `sys-${period}-${key}`;
      const got = await waitFor(
        () => sys.api.get<{ agentId: string; hitCounts: Record<string, number>; items: Array<{ itemId: string; answer: unknown; auto: boolean }> }>('qa', `/v1/auto-evaluations/${callId}`, PERSONAS.admin).catch(() => null),
        `the automatic evaluation of ${callId}`, 60_000, 250,
      );
      const answer = (itemId: string) => got.items.find((i) => i.itemId === itemId)?.answer;
      expect({ key, agentId: got.agentId, opening: answer('opening-script'), closing: answer('closing-script'), forbidden: got.hitCounts['forbidden-phrase'] ?? 0, risk: got.hitCounts['complaint-risk'] ?? 0 }).toEqual({
        key, agentId: key.split('-')[0], ...e,
      });
    }
    for (const kind of ['forbidden-phrase', 'complaint-risk']) {
      await waitFor(async () => ((await stream.messageCount('ALERTS', `alerts.qa.${kind}`)) >= 2 ? true : null), `the ${kind} alerts`, 30_000, 250);
      expect(await stream.messageCount('ALERTS', `alerts.qa.${kind}`)).toBe(2); // A2-2 and A5-1, one each
    }
    await waitFor(async () => {
      const now = await cards();
      return now.every((c) => JSON.stringify(autoKpis(c)) === JSON.stringify(autoWanted(c.agentId))) ? now : null;
    }, 'the auto-QA KPIs on the provisional scorecards', 60_000, 250);

    const closed = await sys.api.post<{ state: string; finalized: number }>('scoring', `/v1/periods/${period}/close`, PERSONAS.hr, {});
    expect([closed.state, closed.finalized]).toEqual(['closed', EVERYONE]);
    // Closing twice changes nothing.
    const again = await sys.api.post<{ finalized: number }>('scoring', `/v1/periods/${period}/close`, PERSONAS.hr, {});
    expect(again.finalized).toBe(0);

    const all = await cards();
    expect(all.map((c) => c.agentId).sort()).toEqual([...Object.keys(EXPECTED), ...Object.keys(EXPECTED_SUPERVISORS)].sort());
    const final = all.filter((c) => c.scorecard !== 'supervisor');
    for (const c of final) {
      const e = EXPECTED[c.agentId];
      expect({ agent: c.agentId, total: c.total, grade: c.grade, rank: c.rank, awardRank: c.awardRank, levelAfter: c.level.levelAfter, rule: c.level.rule, pay: c.pay.total, lines: payByCode(c.pay.lines) }).toEqual({
        agent: c.agentId, total: e.total, grade: e.grade, rank: e.rank, awardRank: e.awardRank, levelAfter: e.levelAfter, rule: e.rule, pay: e.pay, lines: e.payLines,
      });
    }
    for (const c of all.filter((x) => x.scorecard === 'supervisor')) {
      const e = EXPECTED_SUPERVISORS[c.agentId];
      const teamComplaints = c.adjustments.find((a) => a.code === 'TEAM_VALID_COMPLAINTS')?.points ?? 0;
      expect({ agent: c.agentId, total: c.total, grade: c.grade, rank: c.rank, satisfaction: c.components.find((x) => x.id === 'satisfaction')!.score, teamComplaints, pay: c.pay, change: c.level.change }).toEqual({
        agent: c.agentId, total: e.total, grade: e.grade, rank: e.rank, satisfaction: e.satisfaction, teamComplaints: e.teamComplaints, pay: { currency: 'CNY', lines: [], total: 0 }, change: 'kept',
      });
    }
    const byId = new Map(final.map((c) => [c.agentId, c]));
    // Issue 19: the auto-QA KPIs as worked out by hand, on the closed cards too.
    expect(final.map((c) => [c.agentId, ...autoKpis(c)])).toEqual(final.map((c) => [c.agentId, ...autoWanted(c.agentId)]));
    // A1: HR 10 − 1 (DESK_UNTIDY); professionalism full and flagged (no QA evaluation in the month).
    expect(byId.get('A1')!.components.find((x) => x.id === 'hr')!.score).toBe(9);
    expect(byId.get('A1')!.flags).toContain('NO_QA_EVALUATIONS');
    // A2: satisfaction 10 × 2/3 half-up.
    expect(byId.get('A2')!.components.find((x) => x.id === 'satisfaction')!.score).toBe(6.67);
    // A4: the first GAMES_WEBSITES is a recorded warning at 0 yuan, the second −10; late once: 5 points.
    const a4Penalties = byId.get('A4')!.pay.lines.filter((l) => l.code === 'PENALTY');
    expect(a4Penalties.map((l) => [l.amount, l.warning ?? false])).toEqual([[0, true], [-10, false]]);
    expect([byId.get('A4')!.deductions.monthPoints, byId.get('A4')!.kpis.lateArrivals.value]).toEqual([5, 1]);
    // A8: knowledge 5 − 1 (its knowledge complaint; the attitude one costs nothing there); A11: two attitude complaints, 5.
    expect(['A8', 'A11'].map((id) => byId.get(id)!.components.find((x) => x.id === 'knowledge')!.score)).toEqual([4, 5]);
    // A10: not appraised — KPIs shown, no score, grade, rank or level change.
    const a10 = byId.get('A10')!;
    expect([a10.appraised, a10.flags.includes('NOT_APPRAISED'), a10.level.change]).toEqual([false, true, 'kept']);
    // A12: the phone-category record bars the awards; A13: the leak's FORFEIT line names the record, and HR hears of it.
    expect(byId.get('A12')!.flags).toContain('AWARD_BARRED');
    const forfeit = byId.get('A13')!.pay.lines.find((l) => l.code === 'FORFEIT') as { inputIds?: string[] } | undefined;
    expect(forfeit?.inputIds).toEqual([recordIds.get('A13:LEAK_SECRETS:13')]);
    await waitFor(async () => ((await stream.messageCount('ALERTS', 'alerts.scoring.dismissal')) >= 1 ? true : null), 'the dismissal alert', 30_000, 250);

    // Payroll: exactly one finalized event per person scored (supervisors too), carrying the scorecard's figures.
    await payroll.waitFor(EVERYONE);
    await sleep(1_000);
    expect(await stream.messageCount('SCORING', 'scoring.score.finalized')).toBe(EVERYONE);
    const finalized = payroll.events.filter((e) => e.revision === 1);
    expect(finalized.map((e) => e.agentId).sort()).toEqual([...Object.keys(EXPECTED), ...Object.keys(EXPECTED_SUPERVISORS)].sort());
    expect(finalized.filter((e) => e.agentId.startsWith('S')).map((e) => [e.agentId, e.totalScore, e.pay.total])).toEqual([['S01', 87.52, 0], ['S02', 82.67, 0]]);
    for (const ev of finalized.filter((e) => !e.agentId.startsWith('S'))) {
      const e = EXPECTED[ev.agentId];
      expect({ agent: ev.agentId, eventId: ev.eventId, total: ev.totalScore, grade: ev.grade, levelAfter: ev.levelAfter, pay: ev.pay.total }).toEqual({
        agent: ev.agentId, eventId: `score-${period}-${ev.agentId}-r1`, total: e.total, grade: e.grade, levelAfter: e.levelAfter, pay: e.pay,
      });
      expect(ev.levelBefore).toBe(SMALL_AGENTS.find((a) => a.agentId === ev.agentId)!.level);
    }
  }, 300_000);

  it('a late upheld appeal revises that agent only, once, as revision 2', async () => {
    // A1 appeals the DESK_UNTIDY point record after the close; HR upholds it.
    const recordId = recordIds.get('A1:DESK_UNTIDY:10')!;
    await sys.api.post('qa', `/v1/conduct-records/${recordId}/appeal`, PERSONAS.agent('A1'), { reason: '桌面已整理 / the desk was tidy' });
    await sys.api.post('qa', `/v1/conduct-records/${recordId}/appeal/decision`, PERSONAS.hr, { upheld: true, reason: '照片为证 / photo on file' });

    const revised = await waitFor(async () => {
      const r = payroll.events.filter((e) => e.revision > 1);
      return r.length ? r : null;
    }, 'scoring.score.revised', 60_000, 200);
    // Anything else that would be revised has had the time to be.
    await sleep(3_000);
    expect(await stream.messageCount('SCORING', 'scoring.score.revised')).toBe(1);
    const ev: ScoreEvent = payroll.events.filter((e) => e.revision > 1)[0];
    expect(revised).toHaveLength(1);
    // 99 + 1 point given back = 100.00; still rank 1 and one-star next month; pay unchanged (points cost no money).
    expect({ agent: ev.agentId, revision: ev.revision, previous: ev.previousRevision, total: ev.totalScore, grade: ev.grade, levelAfter: ev.levelAfter, pay: ev.pay.total, eventId: ev.eventId }).toEqual({
      agent: 'A1', revision: 2, previous: 1, total: 100, grade: 'excellent', levelAfter: 'one-star', pay: 1700, eventId: `score-${period}-A1-r2`,
    });
    expect(await stream.messageCount('SCORING', 'scoring.score.finalized')).toBe(EVERYONE);
    // The record S01 issued was overturned: −10 on S01's own card, in the month of the decision (the running one).
    const running = DateTime.fromISO(`${period}-01`).plus({ months: 1 }).toFormat('yyyy-MM');
    const s01 = await sys.api.get<Card>('scoring', `/v1/scorecards/S01/${running}`, PERSONAS.manager);
    expect(s01.adjustments.filter((a) => a.code === 'ISSUER_OVERTURNED').map((a) => a.points)).toEqual([-10]);
    const a1 = await sys.api.get<Card>('scoring', `/v1/scorecards/A1/${period}`, PERSONAS.hr);
    expect([a1.total, a1.deductions.monthPoints]).toEqual([100, 0]);
  }, 120_000);

  it('a level HR sets after the close holds from the running month on, and the closed month is not reopened', async () => {
    const running = DateTime.fromISO(`${period}-01`).plus({ months: 1 }).toFormat('yyyy-MM');
    const item = (agentId: string, level: string, extra: Record<string, unknown> = {}) => {
      const a = SMALL_AGENTS.find((x) => x.agentId === agentId)!;
      const hireDate = DateTime.fromISO(`${period}-01`).minus({ months: 12 }).toISODate();
      return { agentId, name: `坐席 ${agentId}`, team: a.team, region: a.region, role: 'agent', hireDate, supervisorId: a.supervisorId, level, active: true, ...extra };
    };
    // A5 closed the month one-star → regular; HR makes A5 two-star from now. A6's setting names the closed month: it takes
    // effect in the first month after the last close.
    await sys.api.post('attendance', '/v1/agents', PERSONAS.hr, [item('A5', 'two-star'), item('A6', 'trainee', { levelEffectiveFrom: period })]);
    const levels = await waitFor(async () => {
      const [a5, a6] = await Promise.all(['A5', 'A6'].map((id) => sys.api.get<Card>('scoring', `/v1/scorecards/${id}/${running}`, PERSONAS.hr)));
      return a5.level.levelBefore === 'two-star' && a6.level.levelBefore === 'trainee' ? [a5, a6] : null;
    }, 'the HR levels in the running month', 60_000, 250);
    expect(levels.map((c) => c.pay.lines.find((l) => l.code === 'BASE')?.amount)).toEqual([1100, 1100]);
    const closedA5 = await sys.api.get<Card>('scoring', `/v1/scorecards/A5/${period}`, PERSONAS.hr);
    expect([closedA5.level.levelBefore, closedA5.level.levelAfter, closedA5.pay.total]).toEqual(['one-star', 'regular', 1800]);
    await sleep(1_000);
    expect(await stream.messageCount('SCORING', 'scoring.score.revised')).toBe(1); // only A1's appeal
  }, 120_000);
});