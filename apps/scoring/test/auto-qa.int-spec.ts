import type { AutoEvaluationCompletedEvent } from '@app/contracts';
import { agent, call } from './facts';
import { startScoring, type ScoringHarness } from './scoring-harness';

type AutoKpiCounts = NonNullable<AutoEvaluationCompletedEvent['kpis']>;
type Kpis = Record<string, { value: number | null; calls?: string }>;

/** `qa.auto-evaluation.completed` as qa-evaluation publishes it (eventId per call and version). */
function auto(callId: string, agentId: string, kpis: AutoKpiCounts, checkedAt: string, version = 1) {
  const payload: AutoEvaluationCompletedEvent = {
    eventId: `auto-evaluation-${callId}-v${version}`, schemaVersion: 1, callId, agentId, formId: 'call-qa', formVersion: 1, version, policyVersion: 'speech-1',
    items: [], hitCounts: { 'forbidden-phrase': kpis.forbiddenPhrases, ...(kpis.complaintRisk ? { 'complaint-risk': 1 } : {}) },
    flagged: kpis.forbiddenPhrases > 0 || kpis.complaintRisk || kpis.scriptPassed < kpis.scriptChecks, checkedAt, kpis,
  };
  return { subject: 'qa.auto-evaluation.completed', payload };
}
const k = (scriptChecks: number, scriptPassed: number, forbiddenPhrases: number, complaintRisk: boolean): AutoKpiCounts => ({ scriptChecks, scriptPassed, forbiddenPhrases, complaintRisk });

/**
 * Issue 19: the automatic evaluations shown on the scorecard as KPIs, counted once per call (its latest check),
 * in the month of the agent's leg of the call (Asia/Shanghai), and in no component.
 */
describe('scoring: automatic evaluations as scorecard KPIs', () => {
  let t: ScoringHarness;
  const card = async (period = '2026-10') => (await t.get(`/v1/scorecards/A1/${period}`).expect(200)).body as { kpis: Kpis; components: unknown[]; total: number | null };
  const autoKpis = (c: { kpis: Kpis }) => [c.kpis.autoQaCallsChecked.value, c.kpis.autoQaScriptAdherencePct.value, c.kpis.autoQaForbiddenPer100Calls.value, c.kpis.autoQaComplaintRiskCalls.value];

  beforeAll(async () => {
    t = await startScoring();
    await t.feed(
      agent('A1', 'regular'),
      call('a1', 'A1', '2026-10-10T02:00:00.000Z'),
      call('a2', 'A1', '2026-10-11T02:00:00.000Z'),
      // 2026-11-01 01:00 in Shanghai: November's call, though October's in UTC.
      call('a3', 'A1', '2026-10-31T17:00:00.000Z'),
    );
  }, 60_000);
  afterAll(async () => t?.close());

  it('shows no figures before any check, and changes no component or total when they arrive', async () => {
    const before = await card();
    expect(autoKpis(before)).toEqual([0, null, null, 0]);
    await t.feed(
      auto('a1', 'A1', k(2, 2, 0, false), '2026-10-10T03:00:00.000Z'),
      auto('a2', 'A1', k(2, 1, 2, true), '2026-10-11T03:00:00.000Z'),
      auto('a3', 'A1', k(2, 0, 1, false), '2026-11-01T03:00:00.000Z'),
    );
    const after = await card();
    // a1 and a2: scripts 3 of 4 = 75.00 %; 2 phrases over 2 calls = 100.00 per 100; one complaint-risk call.
    expect(autoKpis(after)).toEqual([2, 75, 100, 1]);
    expect(after.kpis.autoQaCallsChecked.calls).toBe('autoQaChecked');
    expect(after.components).toEqual(before.components);
    expect(after.total).toEqual(before.total);
    // a3 is November's (the call's time in the policy's zone).
    expect(autoKpis(await card('2026-11'))).toEqual([1, 0, 100, 0]);
  });

  it('counts a redelivery once, and a version-2 re-check replaces the first figures (a late version 1 changes nothing)', async () => {
    await t.feed({ ...auto('a2', 'A1', k(2, 1, 2, true), '2026-10-11T03:00:00.000Z'), msgId: 'replay-a2-v1' });
    expect(autoKpis(await card())).toEqual([2, 75, 100, 1]);
    await t.feed(auto('a2', 'A1', k(2, 2, 1, false), '2026-10-12T03:00:00.000Z', 2));
    // a1 2/2 + a2 2/2 = 100.00 %; 1 phrase over 2 calls = 50.00; no risk left.
    expect(autoKpis(await card())).toEqual([2, 100, 50, 0]);
    await t.feed({ ...auto('a2', 'A1', k(2, 1, 2, true), '2026-10-11T03:00:00.000Z'), msgId: 'late-a2-v1' });
    expect(autoKpis(await card())).toEqual([2, 100, 50, 0]);
    expect(await t.env.query(`SELECT call_id, version, script_passed, forbidden_phrases FROM scoring.auto_evaluation WHERE call_id = 'a2'`)).toEqual([
      { call_id: 'a2', version: 2, script_passed: 2, forbidden_phrases: 1 },
    ]);
  });

  it('moves a check that arrived before its call into the call\'s month, and lists the calls behind the KPIs', async () => {
    await t.feed(auto('a4', 'A1', k(1, 0, 0, false), '2026-11-02T03:00:00.000Z'));
    expect(autoKpis(await card('2026-11'))).toEqual([2, 0, 50, 0]);
    await t.feed(call('a4', 'A1', '2026-10-20T02:00:00.000Z'));
    // October: a1 2/2, a2 2/2, a4 0/1 → 4 of 5 = 80.00 %; 1 phrase over 3 calls = 33.33.
    expect(autoKpis(await card())).toEqual([3, 80, 33.33, 0]);
    expect(autoKpis(await card('2026-11'))).toEqual([1, 0, 100, 0]);
    const page = (await t.get('/v1/scorecards/A1/2026-10/calls?kpi=autoQaChecked&limit=2').expect(200)).body;
    expect([page.total, page.items]).toEqual([3, ['a1', 'a2']]);
    const rest = (await t.get(`/v1/scorecards/A1/2026-10/calls?kpi=autoQaChecked&limit=2&cursor=${page.nextCursor}`).expect(200)).body;
    expect([rest.items, rest.nextCursor]).toEqual([['a4'], null]);
  });
});
