import type { ScoreEvent } from '@app/contracts';
import { PERSONAS } from '../../scripts/demo/api';
import { DemoPayroll } from '../../scripts/demo/payroll-subscriber';
import { JsTestClient } from '../support/js-client';
import { buildServicesOnce, SystemProcesses } from '../support/system-processes';
import { createTestEnv, type TestEnv } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { driveSmallMonth, lastMonth, openAppraisalWindow, SMALL_AGENTS } from './small-month';

interface Card {
  agentId: string;
  appraised: boolean;
  total: number | null;
  grade: string | null;
  rank: number | null;
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
  rank: number | null;
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
 * Ranks 1 and 2 among agents with no valid complaint, no penalty and no ring violation:
 * A1 99, A3 97, A6 89, A2 86.67, A9 85, A5 78, A7 69 → A1 SERVICE_STAR 100, A3 RISING_STAR 50.
 * Pay at the level held: BASE 1100; APPRAISAL_PAY 400 (regular and above); STAR_BONUS 200/300;
 * FULL_ATTENDANCE 100 (regular and above, no late/early/absence).
 */
const EXPECTED: Record<string, Expected> = {
  // 35 + 35 + 5 + 5 + 10 (3 of 3 good) + (10 − 1 DESK_UNTIDY) = 99.00 → regular reaches two-star's 95 but climbs one step.
  // Pay 1100 + 400 + 100 full attendance + 100 service star (rank 1) = 1700.
  A1: { total: 99, grade: 'excellent', rank: 1, levelAfter: 'one-star', rule: 'promote-one-star', pay: 1700, payLines: { BASE: 1100, APPRAISAL_PAY: 400, FULL_ATTENDANCE: 100, SERVICE_STAR: 100 } },
  // 30 + 30 + 5 + 5 + 10 × 2/3 = 6.67 (half-up of 6.666…) + 10 = 86.67 → trainee ≥ 80 → regular. Trainee pay: base only.
  A2: { total: 86.67, grade: 'good', rank: 4, levelAfter: 'regular', rule: 'promote-regular', pay: 1100, payLines: { BASE: 1100 } },
  // 34 + 33 + 5 + 5 + 10 + 10 = 97.00 → one-star ≥ 95 → two-star. 1100 + 400 + 200 star + 100 full + 50 rising star (rank 2) = 1850.
  A3: { total: 97, grade: 'excellent', rank: 2, levelAfter: 'two-star', rule: 'promote-two-star', pay: 1850, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100, RISING_STAR: 50 } },
  // 25 + 25 + 5 + 5 + 0 (1 of 3 good = 33 % < 60 %) + (10 − 5 late 38 min) = 65.00 → regular < 70 → trainee.
  // GAMES_WEBSITES twice: the first is a first-offence warning at 0, the second −10. 1100 + 400 − 10 = 1490 (late: no full attendance).
  A4: { total: 65, grade: 'fail', rank: null, levelAfter: 'trainee', rule: 'regular-below-70', pay: 1490, payLines: { BASE: 1100, APPRAISAL_PAY: 400, PENALTY: -10 } },
  // 24 + 24 + 5 + 5 + 10 + 10 = 78.00 → one-star < 80 → regular. 1100 + 400 + 200 + 100 = 1800.
  A5: { total: 78, grade: 'pass', rank: 6, levelAfter: 'regular', rule: 'one-star-below-80', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
  // 29 + 30 + 5 + 5 + 10 + 10 = 89.00 → two-star < 90 → one-star. 1100 + 400 + 300 + 100 = 1900.
  A6: { total: 89, grade: 'good', rank: 3, levelAfter: 'one-star', rule: 'two-star-below-90', pay: 1900, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 300, FULL_ATTENDANCE: 100 } },
  // 20 + 19 + 5 + 5 + 10 + 10 = 69.00 → one-star < 70 → trainee (lower than one-star < 80's regular: the lowest wins). 1800.
  A7: { total: 69, grade: 'fail', rank: 7, levelAfter: 'trainee', rule: 'star-below-70', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
  // 30 + 30 + 5 + (5 − 2 complaints) + 10 + 10 = 88.00 → would reach one-star, but regular with two valid complaints → trainee. 1600.
  A8: { total: 88, grade: 'good', rank: null, levelAfter: 'trainee', rule: 'regular-two-complaints', pay: 1600, payLines: { BASE: 1100, APPRAISAL_PAY: 400, FULL_ATTENDANCE: 100 } },
  // (0 + 10 + 10) + 35 + 5 + 5 + 10 + 10 = 85.00 → one-star ≥ 80, but an appraisal item scored 0 → trainee. 1800.
  A9: { total: 85, grade: 'good', rank: 5, levelAfter: 'trainee', rule: 'item-zero', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
  // Absent every rostered day of three months (> 60 days away): not appraised, level kept. 1100 + 400, no full attendance.
  A10: { total: null, grade: null, rank: null, levelAfter: 'regular', rule: null, pay: 1500, payLines: { BASE: 1100, APPRAISAL_PAY: 400 } },
  // 30 + 30 + 5 + (5 − 2) + 10 + 10 = 88.00 → a star with two valid complaints → regular. 1800.
  A11: { total: 88, grade: 'good', rank: null, levelAfter: 'regular', rule: 'star-two-complaints', pay: 1800, payLines: { BASE: 1100, APPRAISAL_PAY: 400, STAR_BONUS: 200, FULL_ATTENDANCE: 100 } },
};

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

  const cards = async () => (await sys.api.get<{ scorecards: Card[] }>('scoring', `/v1/scorecards?period=${period}`, PERSONAS.hr)).scorecards;

  it('scores every agent as worked out by hand, closes once, and tells payroll once per agent', async () => {
    await openAppraisalWindow(sys.api);
    recordIds = await driveSmallMonth(sys.api, period);

    // Facts travel as events: wait until the provisional scorecards hold the whole month.
    const want = Object.fromEntries(Object.entries(EXPECTED).map(([id, e]) => [id, e.total]));
    await waitFor(async () => {
      const now = await cards();
      const got = Object.fromEntries(now.map((c) => [c.agentId, c.total]));
      const a10 = now.find((c) => c.agentId === 'A10');
      return JSON.stringify(got, Object.keys(want).sort()) === JSON.stringify(want, Object.keys(want).sort()) && Number(a10?.kpis.absences?.value ?? 0) >= 28 ? now : null;
    }, 'the provisional scorecards to hold the month', 120_000, 500);

    const closed = await sys.api.post<{ state: string; finalized: number }>('scoring', `/v1/periods/${period}/close`, PERSONAS.hr, {});
    expect([closed.state, closed.finalized]).toEqual(['closed', SMALL_AGENTS.length]);
    // Closing twice changes nothing.
    const again = await sys.api.post<{ finalized: number }>('scoring', `/v1/periods/${period}/close`, PERSONAS.hr, {});
    expect(again.finalized).toBe(0);

    const final = await cards();
    expect(final.map((c) => c.agentId).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const c of final) {
      const e = EXPECTED[c.agentId];
      expect({ agent: c.agentId, total: c.total, grade: c.grade, rank: c.rank, levelAfter: c.level.levelAfter, rule: c.level.rule, pay: c.pay.total, lines: payByCode(c.pay.lines) }).toEqual({
        agent: c.agentId, total: e.total, grade: e.grade, rank: e.rank, levelAfter: e.levelAfter, rule: e.rule, pay: e.pay, lines: e.payLines,
      });
    }
    const byId = new Map(final.map((c) => [c.agentId, c]));
    // A1: HR 10 − 1 (DESK_UNTIDY); professionalism full and flagged (no QA evaluation in the month).
    expect(byId.get('A1')!.components.find((x) => x.id === 'hr')!.score).toBe(9);
    expect(byId.get('A1')!.flags).toContain('NO_QA_EVALUATIONS');
    // A2: satisfaction 10 × 2/3 half-up.
    expect(byId.get('A2')!.components.find((x) => x.id === 'satisfaction')!.score).toBe(6.67);
    // A4: the first GAMES_WEBSITES is a recorded warning at 0 yuan, the second −10; late once: 5 points.
    const a4Penalties = byId.get('A4')!.pay.lines.filter((l) => l.code === 'PENALTY');
    expect(a4Penalties.map((l) => [l.amount, l.warning ?? false])).toEqual([[0, true], [-10, false]]);
    expect([byId.get('A4')!.deductions.monthPoints, byId.get('A4')!.kpis.lateArrivals.value]).toEqual([5, 1]);
    // A8 / A11: knowledge 5 − 2 valid complaints.
    expect(byId.get('A8')!.components.find((x) => x.id === 'knowledge')!.score).toBe(3);
    // A10: not appraised — KPIs shown, no score, grade, rank or level change.
    const a10 = byId.get('A10')!;
    expect([a10.appraised, a10.flags.includes('NOT_APPRAISED'), a10.level.change]).toEqual([false, true, 'kept']);

    // Payroll: exactly one finalized event per agent, carrying the scorecard's figures.
    await payroll.waitFor(SMALL_AGENTS.length);
    await sleep(1_000);
    expect(await stream.messageCount('SCORING', 'scoring.score.finalized')).toBe(SMALL_AGENTS.length);
    const finalized = payroll.events.filter((e) => e.revision === 1);
    expect(finalized.map((e) => e.agentId).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const ev of finalized) {
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
    expect(await stream.messageCount('SCORING', 'scoring.score.finalized')).toBe(SMALL_AGENTS.length);
    const a1 = await sys.api.get<Card>('scoring', `/v1/scorecards/A1/${period}`, PERSONAS.hr);
    expect([a1.total, a1.deductions.monthPoints]).toEqual([100, 0]);
  }, 120_000);
});
