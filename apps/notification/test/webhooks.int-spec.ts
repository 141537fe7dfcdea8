import { createHmac, timingSafeEqual } from 'node:crypto';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { scaled } from '../../../tests/support/time-scale';
import { anAlert, startNotification, type NotificationHarness } from './notification-harness';
import { startReceiver, type Receiver } from './receivers';

/**
 * A receiver's check written from contracts.md alone: `X-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body">`, `X-Alert-Id`; a timestamp outside 5 minutes is a replay.
 */
function verifiedByContract(secret: string, body: string, headers: Record<string, string | string[] | undefined>, nowSec = Math.floor(Date.now() / 1000)): boolean {
  const header = String(headers['x-signature'] ?? '');
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  if (Math.abs(nowSec - Number(m[1])) > 300) return false;
  const mac = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  if (!timingSafeEqual(mac, Buffer.from(m[2], 'hex'))) return false;
  return headers['x-alert-id'] === JSON.parse(body).alertId;
}

const SECRET = 'whsec-0123456789abcdef';
/** Short timeouts and backoff so the test sees every step; grouping off (floods have their own test); circuits only where tested. */
const POLICY = { webhookTimeoutMs: 400, maxAttempts: 3, backoffBaseMs: 150, backoffMaxMs: 600, backoffJitterRatio: 0.5, floodWindowMs: 0, breakerFailureThreshold: 50 };

describe('notification webhooks (real NATS, PostgreSQL and HTTP receivers on loopback)', () => {
  let n: NotificationHarness;
  const receivers: Receiver[] = [];
  const receiver = async (answer: Receiver['answer']) => {
    const r = await startReceiver(answer);
    receivers.push(r);
    return r;
  };
  const register = async (url: string, kinds: string[], webhookId: string) => {
    const res = await n.post('/v1/webhooks', { webhookId, url, secret: SECRET, kinds }, ['admin']);
    expect(res.status).toBe(201);
    return res.body;
  };
  const deliveries = async (alertId: string) => (await n.get(`/v1/deliveries?alertId=${encodeURIComponent(alertId)}`, ['admin']).expect(200)).body.items;
  const webhookDelivery = async (alertId: string, webhookId: string) =>
    (await deliveries(alertId)).find((d: { channel: string; target: string }) => d.channel === 'webhook' && d.target === webhookId);

  beforeAll(async () => {
    n = await startNotification();
    await n.setPolicy(POLICY);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await n?.close();
  });

  it('retries a receiver that fails twice: three attempts logged, delivered once, every request signed per the contract', async () => {
    const flaky = await receiver((_, i) => (i < 2 ? 500 : 200));
    await register(flaky.url, ['call.long-hold'], 'flaky');
    const alert = anAlert({ kind: 'call.long-hold', title: '长时间搁置电话 / Long hold' });
    await n.publishAlert(alert);
    const d = await waitFor(async () => {
      const row = await webhookDelivery(alert.alertId, 'flaky');
      return row?.status === 'delivered' ? row : null;
    }, 'the flaky delivery');
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, recipient: { webhookId: 'flaky', url: flaky.url } });
    expect(d.attemptLog.map((a: { attempt: number; outcome: string; statusCode: number }) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'delivered', 200],
    ]);
    for (const a of d.attemptLog) expect(typeof a.latencyMs).toBe('number');
    const metrics = (await n.get('/metrics', ['admin']).expect(200)).text;
    expect(metrics).toMatch(/notification_delivery_attempts_total\{channel="webhook",outcome="failed"\} [1-9]/);
    expect(metrics).toMatch(/notification_delivery_attempts_total\{channel="webhook",outcome="delivered"\} [1-9]/);
    await sleep(500);
    expect(flaky.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    for (const r of flaky.received) {
      expect(verifiedByContract(SECRET, r.body, r.headers)).toBe(true);
      expect(JSON.parse(r.body)).toEqual(alert); // the alert exactly as published
      expect(r.headers['content-type']).toBe('application/json');
    }
    // Backoff grew between tries: the second gap is at least the first's minimum (base × 2 × (1 − jitter)).
    const [t1, t2, t3] = flaky.received.map((r) => r.at);
    expect(t2 - t1).toBeGreaterThanOrEqual(70);
    expect(t3 - t2).toBeGreaterThanOrEqual(145);
    // A tampered body or a stale timestamp does not verify.
    const first = flaky.received[0];
    expect(verifiedByContract(SECRET, first.body.replace('A1001', 'A1002'), first.headers)).toBe(false);
    expect(verifiedByContract(SECRET, first.body, first.headers, Math.floor(Date.now() / 1000) + 301)).toBe(false);
    expect(verifiedByContract('another-secret-0123456789', first.body, first.headers)).toBe(false);
  });

  it('a receiver that never answers fails after the last try; the other endpoints get theirs on time', async () => {
    const dead = await receiver(() => null);
    const healthy = await receiver(() => 204);
    const other = await receiver(() => 200);
    await register(dead.url, ['call.ring-no-answer'], 'dead');
    await register(healthy.url, ['call.ring-no-answer'], 'healthy');
    await register(other.url, ['call.ring-no-answer'], 'other');
    await sleep(1_100); // the routing cache (1 s) sees the new endpoints
    const alerts = [1, 2, 3, 4].map((i) => anAlert({ kind: 'call.ring-no-answer', severity: 'info', agentId: `A20${i}`, title: '响铃未接 / Ring no answer' }));
    const sentAt = Date.now();
    for (const a of alerts) await n.publishAlert(a);
    await waitFor(async () => healthy.received.length >= 4 && other.received.length >= 4, 'healthy endpoints');
    const lastHealthy = Math.max(...healthy.received.map((r) => r.at), ...other.received.map((r) => r.at));
    // Not held up by the dead endpoint: all in before its first try even timed out (and well inside 2 s however loaded the machine).
    expect(lastHealthy).toBeLessThan(Math.min(...dead.received.map((r) => r.at)) + 400);
    expect(lastHealthy - sentAt).toBeLessThan(2_000);
    const failed = await waitFor(async () => {
      const rows = await Promise.all(alerts.map((a) => webhookDelivery(a.alertId, 'dead')));
      return rows.every((r) => r?.status === 'failed') ? rows : null;
    }, 'the dead endpoint giving up', 15_000);
    for (const d of failed) {
      expect(d.attempts).toBe(3);
      expect(d.attemptLog.map((a: { outcome: string }) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
      expect(d.lastError).toBe('no answer within 400 ms');
      for (const a of d.attemptLog) expect(a.latencyMs).toBeGreaterThanOrEqual(390);
    }
    expect(healthy.received.map((r) => JSON.parse(r.body).alertId).sort()).toEqual(alerts.map((a) => a.alertId).sort());
    expect(other.received).toHaveLength(4);

    // The endpoint is mended: its failed deliveries go again, once each.
    dead.answer = () => 200;
    const resend = await n.post('/v1/webhooks/dead/resend-failed', {}, ['admin']);
    expect(resend.status).toBe(202);
    expect(resend.body).toEqual({ resent: 4 });
    await waitFor(async () => (await Promise.all(alerts.map((a) => webhookDelivery(a.alertId, 'dead')))).every((r) => r.status === 'delivered'), 'resent deliveries');
    expect(dead.received.filter((r) => r.answered === 200).map((r) => JSON.parse(r.body).alertId).sort()).toEqual(alerts.map((a) => a.alertId).sort());
  });

  it('opens the circuit of an endpoint failing again and again, so its rows wait instead of taking slots', async () => {
    await n.setPolicy({ ...POLICY, backoffBaseMs: 50, backoffMaxMs: 100, backoffJitterRatio: 0, breakerFailureThreshold: 2, breakerCooldownMs: 60_000 });
    const down = await receiver(() => 503);
    await register(down.url, ['call.poor-quality'], 'down');
    await sleep(1_100);
    const alerts = [1, 2, 3].map(() => anAlert({ kind: 'call.poor-quality', title: '通话质量差 / Poor call quality' }));
    for (const a of alerts) await n.publishAlert(a);
    const hook = await waitFor(async () => {
      const w = (await n.get('/v1/webhooks/down', ['admin']).expect(200)).body;
      return w.circuit.openUntil ? w : null;
    }, 'the circuit to open');
    expect(hook.circuit.consecutiveFailures).toBeGreaterThanOrEqual(2);
    await sleep(500);
    const calls = down.received.length;
    await sleep(500);
    expect(down.received.length).toBe(calls); // nothing sent while open
    const rows = await Promise.all(alerts.map((a) => webhookDelivery(a.alertId, 'down')));
    expect(rows.some((r) => r.status === 'pending')).toBe(true);
    await n.setPolicy(POLICY);
  });

  it('delivers the same alert once however often it arrives; re-sends one delivery on request', async () => {
    const once = await receiver(() => 200);
    await register(once.url, ['call.long-wait-abandoned'], 'once');
    await sleep(1_100);
    const alert = anAlert({ kind: 'call.long-wait-abandoned', agentId: undefined, title: '长时间等待后放弃 / Abandoned after a long wait' });
    // Different message ids, so JetStream's own dedupe window does not hide the repeat: the service must.
    await n.publishAlert(alert, 'first-copy');
    await n.publishAlert(alert, 'second-copy');
    await n.publishAlert({ ...alert }, 'third-copy');
    await waitFor(async () => once.received.length >= 1, 'the delivery');
    await sleep(800);
    expect(once.received).toHaveLength(1);
    expect(await n.env.query(`SELECT count(*)::int AS n FROM notification.alert_received WHERE alert_id = $1`, [alert.alertId])).toEqual([{ n: 1 }]);
    const d = await webhookDelivery(alert.alertId, 'once');
    const res = await n.post(`/v1/deliveries/${d.deliveryId}/resend`, {}, ['admin']);
    expect(res.status).toBe(202);
    await waitFor(async () => once.received.length === 2, 'the re-send');
    expect(JSON.parse(once.received[1].body).alertId).toBe(alert.alertId);
    expect((await n.post('/v1/deliveries/nope/resend', {}, ['admin'])).body.error).toBe('NOTIFICATION.DELIVERY_NOT_FOUND');
  });

  it('refuses bad endpoints and rules with clear 4xx bodies', async () => {
    const ftp = await n.post('/v1/webhooks', { url: 'ftp://example.com/x', secret: SECRET, kinds: ['call.*'] }, ['admin']);
    expect(ftp.status).toBe(400);
    expect(ftp.body).toEqual({ error: 'NOTIFICATION.WEBHOOK_URL_NOT_HTTP', message: expect.any(String), details: [{ path: 'url', message: 'must be an http(s) URL' }] });
    const bad = await n.post('/v1/webhooks', { url: 'http://127.0.0.1:1/x', secret: 'short', kinds: [] }, ['admin']);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((x: { path: string }) => x.path).sort()).toEqual(['kinds', 'secret']);
    const unknownKind = await n.post('/v1/webhooks', { url: 'http://127.0.0.1:1/x', secret: SECRET, kinds: ['nothing.*'] }, ['admin']);
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.body.error).toBe('NOTIFICATION.RULE_MATCHES_NOTHING');
    expect((await n.post('/v1/webhooks', { url: 'http://127.0.0.1:1/x', secret: SECRET, kinds: ['*'] }, ['supervisor'])).status).toBe(403);
    expect((await n.get('/v1/deliveries?status=lost', ['admin'])).body.details).toEqual([{ path: 'status', message: expect.stringContaining('pending') }]);
  });

  it('takes receivers inside WEBHOOK_ALLOWED_NETWORKS (127.0.0.0/8 here), and nothing else internal', async () => {
    // Every receiver above is on 127.0.0.1 and was registered and reached through the allowed network.
    const ok = await n.post('/v1/webhooks', { webhookId: 'allowed', url: 'http://127.0.0.2:9/x', secret: SECRET, kinds: ['call.*'], enabled: false }, ['admin']);
    expect(ok.status).toBe(201);
    const mapped = await n.post('/v1/webhooks', { webhookId: 'allowed-mapped', url: 'http://[::ffff:127.0.0.1]:9/x', secret: SECRET, kinds: ['call.*'], enabled: false }, ['admin']);
    expect(mapped.status).toBe(201); // the same host, written as IPv6
    for (const url of ['http://[::1]:9/x', 'http://10.0.0.1/x', 'http://169.254.169.254/', 'http://127.1:9/x', 'http://2130706433:9/x', 'http://u:p@127.0.0.1:5432/']) {
      const res = await n.post('/v1/webhooks', { url, secret: SECRET, kinds: ['call.*'] }, ['admin']);
      expect([url, res.status, res.body.error, res.body.details?.[0]?.path]).toEqual([url, 422, 'NOTIFICATION.WEBHOOK_ADDRESS_FORBIDDEN', 'url']);
    }
  });

  it('lists the endpoints oldest first, a page at a time, never with their secrets', async () => {
    type Listed = { webhookId: string; createdAt: string; secretHint: string };
    const whole = (await n.get('/v1/webhooks?limit=1000', ['admin']).expect(200)).body as { items: Listed[]; nextCursor: string | null };
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((w) => w.webhookId)).toEqual(expect.arrayContaining(['allowed', 'allowed-mapped']));
    const walked: Listed[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = (await n.get(`/v1/webhooks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, ['admin']).expect(200)).body as { items: Listed[]; nextCursor: string | null };
      walked.push(...page.items);
      if (page.nextCursor === null) break;
      expect(page.items).toHaveLength(2);
      cursor = page.nextCursor;
    }
    expect(walked).toEqual(whole.items);
    expect(walked.map((w) => w.createdAt)).toEqual(walked.map((w) => w.createdAt).sort());
    expect(walked.every((w) => w.secretHint === `…${SECRET.slice(-4)}` && !('secret' in w))).toBe(true);
    expect((await n.get('/v1/webhooks', ['supervisor'])).status).toBe(403);
  });

  it('dead-letters an alert that fails validation and goes on with the next', async () => {
    const after = await receiver(() => 200);
    await register(after.url, ['call.ring-limit-exceeded'], 'after-bad');
    await sleep(1_100);
    await n.js.publish('alerts.call.ring-limit-exceeded', { alertId: 'bad-1', kind: 'call.ring-limit-exceeded', severity: 'loud', title: '', facts: [] }, 'bad-1');
    const good = anAlert({ agentId: 'A3001' });
    await n.publishAlert(good);
    await waitFor(async () => after.received.some((r) => JSON.parse(r.body).alertId === good.alertId), 'the good alert');
    const dlq = await waitFor(() => n.js.last('DEADLETTER', 'deadletter.notification.alerts.call.ring-limit-exceeded').catch(() => null), 'the dead letter');
    // Refused by the transport against AlertEvent's schema before the handler saw it.
    expect(dlq.header?.get('Dlq-Error')).toMatch(/payload does not match its contract: .*body: required.*severity: must be equal to one of the allowed values/);
    expect(await n.env.query(`SELECT alert_id FROM notification.alert_received WHERE alert_id = 'bad-1'`)).toEqual([]);
  });
});

describe('notification delivery after a sender crash', () => {
  let n: NotificationHarness;
  let r: Receiver;
  beforeAll(async () => {
    n = await startNotification();
    r = await startReceiver(() => 200);
  });
  afterAll(async () => {
    await r?.close();
    await n?.close();
  });

  it('sends a row whose sender died mid-send once its lease ends (at least once), and only then', async () => {
    await n.setPolicy({ floodWindowMs: 0 });
    expect((await n.post('/v1/webhooks', { webhookId: 'crash', url: r.url, secret: SECRET, kinds: ['call.long-hold'] }, ['admin'])).status).toBe(201);
    const alert = anAlert({ kind: 'call.long-hold' });
    // A row as a sender leaves it when its process dies after claiming: `sending`, one attempt counted, leased.
    await n.env.query(
      `INSERT INTO notification.delivery (delivery_id, alert_id, channel, target, recipient, message, status, attempts, lease_until)
       VALUES ('d-crash', $1, 'webhook', 'crash', '{}', $2, 'sending', 1, now() + make_interval(secs => $3::float8 / 1000))`,
      [alert.alertId, JSON.stringify(alert), scaled(1_500)], // the lease outlasts the (scaled) second below
    );
    await sleep(1_000);
    expect(r.received).toHaveLength(0); // still leased: another sender may be on it
    await waitFor(async () => r.received.length === 1, 'the re-claimed send');
    const row = await waitFor(async () => {
      const [d] = await n.env.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM notification.delivery WHERE delivery_id = 'd-crash'`);
      return d.status === 'delivered' ? d : null;
    }, 'the settled row');
    expect(row).toEqual({ status: 'delivered', attempts: 2 });
    await sleep(500);
    expect(r.received).toHaveLength(1);
  });
});
