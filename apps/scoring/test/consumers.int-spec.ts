import { waitFor } from '../../../tests/support/wait-for';
import { agent, appraisal, call, complaint, conduct, day, evaluation, voided } from './facts';
import { startScoring, type ScoringHarness } from './scoring-harness';

/** Facts arriving late, twice, out of order or re-versioned: the stored copy is the highest version, counted once. */
describe('scoring consumers: re-delivered and re-versioned facts change nothing twice', () => {
  let t: ScoringHarness;
  const card = async () => (await t.get('/v1/scorecards/C1/2026-10').expect(200)).body;
  const comp = (c: { components: Array<{ id: string; score: number }> }, id: string) => c.components.find((x) => x.id === id)!.score;

  beforeAll(async () => {
    t = await startScoring();
    await t.feed(agent('C1', 'regular'), agent('C1', 'regular', 'agent', 2));
  }, 60_000);
  afterAll(async () => t?.close());

  it('keeps the highest version of an evaluation, and drops it when voided', async () => {
    await t.feed(evaluation('e1', 'C1', 80, '2026-10-10T02:00:00Z'), evaluation('e1', 'C1', 90, '2026-10-10T02:00:00Z', 2));
    await t.feed({ ...evaluation('e1', 'C1', 80, '2026-10-10T02:00:00Z'), msgId: 'replay-e1-v1' });
    expect((await card()).kpis.qaAveragePct.value).toBe(90);
    const v3 = evaluation('e1', 'C1', 90, '2026-10-10T02:00:00Z', 3);
    v3.payload.voided = true;
    await t.feed(v3);
    expect((await card()).kpis.qaEvaluations.value).toBe(0);
  });

  it('stores a batch of call summaries set-based: the highest version of each call, its legs replaced, never added', async () => {
    // Published together, these reach the call consumer as one batch (one transaction, one set of statements).
    const at = (d: number) => `2026-10-${String(d).padStart(2, '0')}T02:00:00.000Z`;
    const v2 = call('b1', 'C1', at(12), { rating: 'good' }, 2);
    v2.payload.legs.push({ ...v2.payload.legs[0], agentId: 'C1', offeredAt: at(12), missed: true, answeredAt: null, talkMs: 0 });
    await t.feed(call('b1', 'C1', at(12), {}, 1), v2, call('b1', 'C1', at(12), { rating: 'poor' }, 3), call('b2', 'C1', at(13), { rating: 'good' }), call('b3', 'C1', at(14)));
    const legs = await t.env.query<{ call_id: string; leg_no: number; rating: string | null }>(
      `SELECT call_id, leg_no, rating FROM scoring.call_leg WHERE call_id IN ('b1', 'b2', 'b3') ORDER BY call_id, leg_no`,
    );
    expect(legs).toEqual([{ call_id: 'b1', leg_no: 0, rating: 'poor' }, { call_id: 'b2', leg_no: 0, rating: 'good' }, { call_id: 'b3', leg_no: 0, rating: null }]);
    expect(await t.env.query(`SELECT call_id, version FROM scoring.call_fact WHERE call_id IN ('b1', 'b2', 'b3') ORDER BY call_id`)).toEqual([
      { call_id: 'b1', version: 3 }, { call_id: 'b2', version: 1 }, { call_id: 'b3', version: 1 },
    ]);
    // A late v2 after v3 changes nothing; a v4 with two legs replaces the one.
    await t.feed({ ...v2, msgId: 'late-b1-v2' });
    expect((await t.env.query(`SELECT count(*)::int AS n FROM scoring.call_leg WHERE call_id = 'b1'`))[0]).toEqual({ n: 1 });
    const v4 = call('b1', 'C1', at(12), {}, 4);
    v4.payload.legs.push({ ...v4.payload.legs[0], missed: true, answeredAt: null, talkMs: 0 });
    await t.feed(v4);
    expect((await t.env.query(`SELECT count(*)::int AS n FROM scoring.call_leg WHERE call_id = 'b1'`))[0]).toEqual({ n: 2 });
  });

  it('replaces an appraisal by a resubmission, whatever order they arrive in', async () => {
    await t.feed(appraisal('C1', '2026-10', 30, 30, 2), appraisal('C1', '2026-10', 10, 10, 1));
    const c = await card();
    expect([comp(c, 'attitude'), comp(c, 'capability')]).toEqual([30, 30]);
    expect(c.components[0].inputIds).toEqual(['appraisal-C1-2026-10-v2']);
  });

  it('counts a complaint re-judged invalid no more, and a corrected day by its latest version only', async () => {
    await t.feed(complaint('k1', 'C1', '2026-10-05T02:00:00Z'));
    expect(comp(await card(), 'knowledge')).toBe(4);
    await t.feed(complaint('k1', 'C1', '2026-10-05T02:00:00Z', false, 2));
    expect(comp(await card(), 'knowledge')).toBe(5);
    await t.feed(day('C1', '2026-10-03', { lateMinutes: 0, excused: true }, 2), day('C1', '2026-10-03', { lateMinutes: 38 }, 1));
    const c = await card();
    expect([c.kpis.lateArrivals.value, comp(c, 'hr')]).toEqual([0, 10]);
  });

  it('ignores a record voided before it arrived, and a record delivered twice counts once', async () => {
    await t.feed(voided('r1', 'C1'));
    await t.feed(conduct('r1', 'C1', { kind: 'points', points: 3, code: 'QUARREL' }));
    await t.feed(conduct('r2', 'C1', { kind: 'points', points: 2, code: 'NOISE' }));
    await t.feed({ ...conduct('r2', 'C1', { kind: 'points', points: 2, code: 'NOISE' }), msgId: 'replay-r2' });
    const c = await card();
    expect(c.deductions.items.map((i: { inputIds: string[]; points: number }) => [i.inputIds[0], i.points])).toEqual([['r2', 2]]);
    expect(comp(c, 'hr')).toBe(8);
  });

  it('dead-letters a fact that does not match its contract, naming the bad fields, and keeps consuming', async () => {
    await t.js.publish('qa.conduct.recorded', { eventId: 'broken', kind: 'points', points: 'three' }, 'broken');
    await waitFor(async () => (await t.js.messageCount('DEADLETTER')) === 1, 'the dead letter');
    // Refused by the transport against the AsyncAPI schema of ConductRecordedEvent: the handler never saw it.
    const dead = await waitFor(() => t.js.last('DEADLETTER', 'deadletter.scoring.qa.conduct.recorded'), 'the dead letter');
    const error = dead.header?.get('Dlq-Error') ?? '';
    expect(error).toContain('payload does not match its contract');
    expect(error).toMatch(/recordId: required.*agentId: required/);
    expect(error).toContain('points: must be');
    await t.feed(conduct('r3', 'C1', { kind: 'points', points: 1, code: 'NOISE' }));
    expect(comp(await card(), 'hr')).toBe(7);
  });

  it('puts records and evaluations in the month of their instant in Asia/Shanghai', async () => {
    await t.feed(
      conduct('r-nov', 'C1', { kind: 'points', points: 4, code: 'NOISE', occurredAt: '2026-10-31T16:30:00Z' }), // 00:30 on 1 November
      evaluation('e-oct1', 'C1', 70, '2026-09-30T16:30:00Z'), // 00:30 on 1 October
    );
    const c = await card();
    expect([comp(c, 'hr'), c.kpis.qaEvaluations.value, c.kpis.qaAveragePct.value]).toEqual([7, 1, 70]);
    const nov = (await t.get('/v1/scorecards/C1/2026-11').expect(200)).body;
    expect(nov.deductions.items.map((i: { inputIds: string[] }) => i.inputIds[0])).toEqual(['r-nov']);
  });

  it("counts an evaluation in the month of the call it scored, also when it arrives before the call", async () => {
    const of = (id: string, callId: string, percent: number, at: string) => {
      const f = evaluation(id, 'C1', percent, at);
      return { ...f, payload: { ...f.payload, callId } };
    };
    const before = (await card()).kpis.qaEvaluations.value as number;
    await t.feed(call('c-oct', 'C1', '2026-10-20T02:00:00Z'), of('e-late', 'c-oct', 60, '2026-11-03T02:00:00Z')); // October's call, scored in November
    expect((await card()).kpis.qaEvaluations.value).toBe(before + 1);
    await t.feed(of('e-early', 'c-oct2', 50, '2026-11-04T02:00:00Z')); // its call is not here yet: counts where it was written
    const nov = async () => (await t.get('/v1/scorecards/C1/2026-11').expect(200)).body.kpis.qaEvaluations.value;
    expect([(await card()).kpis.qaEvaluations.value, await nov()]).toEqual([before + 1, 1]);
    await t.feed(call('c-oct2', 'C1', '2026-10-21T02:00:00Z')); // the call arrives: the evaluation moves to October
    expect([(await card()).kpis.qaEvaluations.value, await nov()]).toEqual([before + 2, 0]);
  });
});
