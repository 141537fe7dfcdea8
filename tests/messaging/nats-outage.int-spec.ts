import request from 'supertest';
import { JsTestClient } from '../support/js-client';
import { startProbe, supervisorToken, type RunningProbe } from '../support/probe-harness';
import { createTestEnv, type TestEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { scaled } from '../support/time-scale';
import { PING_SUBJECT } from '../fixtures/probe/probe.consumer';

/** Readiness follows NATS within 2 s, and an outage delays the outbox without counting against its rows. */
describe('NATS outage: readiness and the outbox', () => {
  let env: TestEnv;
  let probe: RunningProbe;

  beforeAll(async () => {
    env = await createTestEnv();
    probe = await startProbe(env, { relayMaxAttempts: 2 });
  });
  afterAll(async () => {
    await probe?.close();
    await env?.dispose();
  });

  const ready = () => request(probe.url).get('/health/ready');

  it('turns not-ready within 2 s of losing NATS, keeps rows unparked meanwhile, and recovers', async () => {
    expect((await ready()).status).toBe(200);

    await env.nats.stop();
    const lostAt = Date.now();
    const down = await waitFor(async () => {
      const r = await ready();
      return r.status === 503 ? r : undefined;
    }, 'readiness to turn red', 5_000, 50);
    expect(Date.now() - lostAt).toBeLessThan(scaled(2_000));
    expect(down.body.checks).toEqual({ database: true, nats: false });
    expect((await request(probe.url).get('/health/live')).status).toBe(200);

    // Written while NATS is away: retried, recorded, but never parked (the limit here is 2).
    await request(probe.url).post('/probe/rows').set('Authorization', `Bearer ${supervisorToken()}`).send({ key: 'during-outage' }).expect(201);
    await waitFor(async () => {
      const [r] = await env.query<{ last_error: string | null }>(`SELECT last_error FROM probe.outbox_message WHERE payload->>'key' = 'during-outage'`);
      return r?.last_error;
    }, 'the outage recorded on the row', 10_000);
    await new Promise((r) => setTimeout(r, 1_000)); // several relay passes
    const [waiting] = await env.query<{ attempts: number; sent_at: Date | null }>(
      `SELECT attempts, sent_at FROM probe.outbox_message WHERE payload->>'key' = 'during-outage'`,
    );
    expect(waiting).toEqual({ attempts: 0, sent_at: null });
    expect((await ready()).body.outbox).toMatchObject({ unsent: 1, parked: 0 });

    await env.nats.start();
    await waitFor(async () => (await ready()).status === 200, 'readiness to recover', 15_000);
    await waitFor(async () => {
      const [r] = await env.query<{ sent_at: Date | null }>(`SELECT sent_at FROM probe.outbox_message WHERE payload->>'key' = 'during-outage'`);
      return r?.sent_at;
    }, 'the row sent after the outage', 15_000);
    const js = await JsTestClient.connect(env.nats.url);
    try {
      expect((await js.last('QA', PING_SUBJECT))!.json<{ key: string }>().key).toBe('during-outage');
    } finally {
      await js.close();
    }
    expect((await ready()).body.outbox).toMatchObject({ unsent: 0, parked: 0 });
  });

  it('turns not-ready within 2 s when NATS hangs with its socket still open, and recovers', async () => {
    await waitFor(async () => (await ready()).status === 200, 'readiness before the hang', 15_000);
    env.nats.pause();
    try {
      const hungAt = Date.now();
      const down = await waitFor(async () => {
        const r = await ready();
        return r.status === 503 ? r : undefined;
      }, 'readiness to turn red', 5_000, 50);
      expect(Date.now() - hungAt).toBeLessThan(scaled(2_000));
      expect(down.body.checks.nats).toBe(false);
    } finally {
      env.nats.resume();
    }
    await waitFor(async () => (await ready()).status === 200, 'readiness after the hang', 15_000);
  });
});
