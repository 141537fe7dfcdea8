import request from 'supertest';
import { mintToken } from '@app/auth';
import { JsTestClient } from '../support/js-client';
import { startProbe, supervisorToken, type RunningProbe } from '../support/probe-harness';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { PING_SUBJECT } from '../fixtures/probe/probe.consumer';

const adminToken = () => mintToken(TEST_JWT_SECRET, { sub: 'admin-1', roles: ['admin'] });
const OVER_MAX_PAYLOAD = 1_100_000; // nats-server's default max_payload is 1 MB

interface OutboxRow {
  id: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

/** A row the stream refuses for good is parked with its error while every other row flows (real NATS, real PostgreSQL). */
describe('outbox: a refused row is parked, never blocks the rest', () => {
  let env: TestEnv;
  let js: JsTestClient;
  let probe: RunningProbe;

  const row = async (key: string): Promise<OutboxRow> =>
    (await env.query<OutboxRow>(`SELECT id, attempts, last_error, sent_at FROM probe.outbox_message WHERE payload->>'key' = $1`, [key]))[0];
  const addRow = (key: string, padBytes?: number) =>
    request(probe.url).post('/probe/rows').set('Authorization', `Bearer ${supervisorToken()}`).send({ key, padBytes }).expect(201);

  beforeAll(async () => {
    env = await createTestEnv();
    probe = await startProbe(env, { consume: false, relayMaxAttempts: 3 });
    js = await JsTestClient.connect(env.nats.url);
  });
  afterAll(async () => {
    await js?.close();
    await probe?.close();
    await env?.dispose();
  });

  it('publishes the rows behind an oversized one, records its attempts and error, parks it and alerts once', async () => {
    await addRow('big', OVER_MAX_PAYLOAD);
    for (let i = 0; i < 5; i++) await addRow(`after-${i}`);

    await waitFor(async () => (await js.messageCount('QA', PING_SUBJECT)) === 5, 'the five rows behind the big one');
    // The stream has them before the relay's transaction commits: wait for the marks, not just the messages.
    for (let i = 0; i < 5; i++) await waitFor(async () => (await row(`after-${i}`)).sent_at, `after-${i} marked sent`);

    const big = await waitFor(async () => {
      const r = await row('big');
      return r.attempts >= 3 ? r : undefined;
    }, 'the big row parked');
    expect(big.sent_at).toBeNull();
    expect(big.last_error).toContain('max_payload');

    await waitFor(async () => (await js.messageCount('ALERTS', 'alerts.message.parked')) === 1, 'the parked alert');
    const alert = (await js.last('ALERTS', 'alerts.message.parked'))!.json<{ alertId: string; kind: string; severity: string; facts: Record<string, unknown> }>();
    expect(alert).toMatchObject({ alertId: `outbox-parked:probe:${big.id}`, kind: 'message.parked', severity: 'critical' });
    expect(alert.facts).toMatchObject({ service: 'probe', messageId: big.id, subject: PING_SUBJECT, attempts: 3 });

    // Parked means left alone: no more attempts, no second alert, and new rows still flow.
    await sleep(800);
    expect((await row('big')).attempts).toBe(3);
    await addRow('later');
    await waitFor(async () => (await js.messageCount('QA', PING_SUBJECT)) === 6, 'a row added after the parking');
    await waitFor(async () => (await row('later')).sent_at, 'the later row marked sent');
    expect(await js.messageCount('ALERTS', 'alerts.message.parked')).toBe(1);
  });

  it('lists parked rows to admins only, and readiness and /metrics show the oldest unsent row', async () => {
    const big = await row('big');
    const res = await request(probe.url).get('/v1/admin/outbox/parked').set('Authorization', `Bearer ${adminToken()}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: big.id,
        seq: expect.any(Number),
        subject: PING_SUBJECT,
        createdAt: expect.any(String),
        attempts: 3,
        lastError: expect.stringContaining('max_payload'),
        payloadBytes: expect.any(Number),
      },
    ]);
    expect(res.body.items[0].payloadBytes).toBeGreaterThan(OVER_MAX_PAYLOAD);
    expect(res.body.nextAfterSeq).toBeNull();
    expect(res.body.backlog).toMatchObject({ unsent: 1, parked: 1, oldestPendingAgeSeconds: 0 });
    expect(res.body.backlog.oldestUnsentAgeSeconds).toBeGreaterThan(0.5);

    const forbidden = await request(probe.url).get('/v1/admin/outbox/parked').set('Authorization', `Bearer ${supervisorToken()}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toBe('AUTH.FORBIDDEN');
    const badLimit = await request(probe.url).get('/v1/admin/outbox/parked?limit=0').set('Authorization', `Bearer ${adminToken()}`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.details[0].path).toBe('limit');

    const ready = await request(probe.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.outbox).toMatchObject({ unsent: 1, parked: 1 });
    expect(ready.body.outbox.oldestUnsentAgeSeconds).toBeGreaterThan(0.5);

    const metrics = (await request(probe.url).get('/metrics')).text;
    const age = /messaging_outbox_oldest_unsent_age_seconds\{service="probe"\} ([\d.]+)/.exec(metrics);
    expect(Number(age?.[1])).toBeGreaterThan(0.5);
    expect(metrics).toContain('messaging_outbox_unsent{service="probe",state="parked"} 1');
    expect(metrics).toContain('messaging_outbox_unsent{service="probe",state="pending"} 0');
  });

  it('resends a parked row once its cause is fixed; unknown ids are 404', async () => {
    const big = await row('big');
    // The operator trims the payload (here by hand), then resends.
    await env.query(`UPDATE probe.outbox_message SET payload = payload - 'pad' WHERE id = $1`, [big.id]);
    const res = await request(probe.url).post(`/v1/admin/outbox/parked/${encodeURIComponent(big.id)}/resend`).set('Authorization', `Bearer ${adminToken()}`);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: big.id, resent: true });

    await waitFor(async () => (await js.messageCount('QA', PING_SUBJECT)) === 7, 'the resent row in the stream');
    const sent = await waitFor(async () => {
      const r = await row('big');
      return r.sent_at ? r : undefined;
    }, 'the resent row marked sent');
    expect(sent.last_error).toBeNull();
    const last = await js.last('QA', PING_SUBJECT);
    expect(last!.json<{ key: string }>().key).toBe('big');

    const again = await request(probe.url).post(`/v1/admin/outbox/parked/${encodeURIComponent(big.id)}/resend`).set('Authorization', `Bearer ${adminToken()}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: 'OUTBOX.PARKED_NOT_FOUND', message: expect.any(String), details: [] });
    const ready = await request(probe.url).get('/health/ready');
    expect(ready.body.outbox).toEqual({ unsent: 0, parked: 0, oldestUnsentAgeSeconds: 0, oldestPendingAgeSeconds: 0 });
  });
});
