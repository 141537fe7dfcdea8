import request from 'supertest';
import { JsTestClient } from '../support/js-client';
import { spawnProbe, startProbe, supervisorToken } from '../support/probe-harness';
import { createTestEnv, type TestEnv } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { PING_SUBJECT } from '../fixtures/probe/probe.consumer';

/** Real processes killed at the worst moments. */
describe('process faults', () => {
  let env: TestEnv;
  let js: JsTestClient;

  beforeAll(async () => {
    env = await createTestEnv();
    const p = await startProbe(env);
    await p.close();
    js = await JsTestClient.connect(env.nats.url);
  });
  afterAll(async () => {
    await js?.close();
    await env?.dispose();
  });

  const effectCount = async (like: string) =>
    (await env.query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT key)::int AS d FROM probe.effect WHERE key LIKE $1`, [like]))[0];

  it('SIGKILL after the business commit and before the relay published: published and consumed exactly once after restart', async () => {
    // Relay off: the process dies with the row committed and the event not yet on the stream.
    const producer = await spawnProbe(env, { PROBE_RELAY: 'false', PROBE_CONSUME: 'false', PROBE_INSTANCE: 'killed' });
    const res = await request(producer.url).post('/probe/rows').set('Authorization', `Bearer ${supervisorToken()}`).send({ key: 'sigkill-1' });
    expect(res.status).toBe(201);
    producer.proc.kill('SIGKILL');
    expect(await producer.exited).toEqual({ code: null, signal: 'SIGKILL' });

    expect(await env.query(`SELECT key FROM probe.business_row WHERE key = 'sigkill-1'`)).toHaveLength(1);
    const pending = await env.query<{ sent_at: Date | null }>(`SELECT sent_at FROM probe.outbox_message WHERE payload->>'key' = 'sigkill-1'`);
    expect(pending).toEqual([{ sent_at: null }]);
    const before = await js.messageCount('QA', PING_SUBJECT);

    const restarted = await spawnProbe(env, { PROBE_INSTANCE: 'restarted' });
    await waitFor(async () => (await effectCount('sigkill-1')).n === 1, 'the effect after restart');
    await sleep(1_000);
    expect(await effectCount('sigkill-1')).toEqual({ n: 1, d: 1 });
    expect(await js.messageCount('QA', PING_SUBJECT)).toBe(before + 1);
    restarted.proc.kill('SIGTERM');
    expect(await restarted.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(restarted.output()).toContain('STOPPED');
  });

  it('SIGTERM during processing loses nothing and applies nothing twice', async () => {
    const consumer = await spawnProbe(env, { PROBE_INSTANCE: 'terminated', PROBE_HANDLER_DELAY_MS: '20' });
    // More than can be in flight at once (4 batches of 32), so the signal lands mid-stream.
    const n = 400;
    await Promise.all(Array.from({ length: n }, (_, i) => js.publish(PING_SUBJECT, { key: `sigterm-${i}` }, `m-sigterm-${i}`)));
    await waitFor(async () => (await effectCount('sigterm-%')).n >= 10, 'some progress');
    consumer.proc.kill('SIGTERM');
    // Nest closes the app (consumers finish or release what they hold) and then re-raises the signal.
    expect(await consumer.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(consumer.output()).toContain('STOPPED');
    const atStop = (await effectCount('sigterm-%')).n;
    expect(atStop).toBeLessThan(n);

    const next = await spawnProbe(env, { PROBE_INSTANCE: 'next' });
    await waitFor(async () => (await effectCount('sigterm-%')).d === n, 'all messages handled', 40_000);
    await sleep(1_000);
    expect(await effectCount('sigterm-%')).toEqual({ n, d: n });
    next.proc.kill('SIGTERM');
    await next.exited;
  });
});
