import { TransactionScope } from '@app/persistence';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { DeliveryWorker } from '../src/deliver/delivery-worker';
import { DeliveryStore } from '../src/store/delivery.store';
import { anAlert, startNotification, type NotificationHarness } from './notification-harness';
import { gate, startBlackhole, startReceiver, type Blackhole, type Receiver } from './receivers';

const SECRET = 'whsec-0123456789abcdef';
const KIND = 'call.ring-no-answer';
/**
 * Lanes of two sends and two waiting rows, and only four sends in all: the two stuck endpoints
 * alone fill every slot. The timeout is far beyond the test, so the stuck sends stay stuck until
 * the test lets them go; nothing below depends on how fast the machine is.
 */
const POLICY = {
  floodWindowMs: 0, webhookTimeoutMs: 600_000, maxInFlightPerEndpoint: 2, maxQueuedPerEndpoint: 2, maxInFlight: 4,
  maxAttempts: 3, backoffBaseMs: 100, backoffMaxMs: 200, breakerFailureThreshold: 1_000,
};

describe('notification delivery lanes: a dead and a slow endpoint beside a healthy one (real receivers on loopback)', () => {
  let n: NotificationHarness;
  let blackhole: Blackhole;
  let slow: Receiver;
  let healthy: Receiver;
  const slowGate = gate();

  const rows = (webhookId: string) =>
    n.env.query<{ alert_id: string; status: string; attempts: number }>(
      `SELECT alert_id, status, attempts FROM notification.delivery WHERE channel = 'webhook' AND target = $1 ORDER BY created_at`,
      [webhookId],
    );
  const attemptsLogged = async (webhookIds: string[]) =>
    (await n.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification.delivery_attempt WHERE channel = 'webhook' AND target = ANY($1)`, [webhookIds]))[0].n;
  const publish = async (count: number, wave: string) => {
    const alerts = Array.from({ length: count }, (_, i) => anAlert({ kind: KIND, severity: 'info', agentId: `A${wave}${i}`, title: '响铃未接 / Ring no answer' }));
    for (const a of alerts) await n.publishAlert(a);
    return alerts;
  };

  beforeAll(async () => {
    n = await startNotification();
    await n.setPolicy(POLICY);
    blackhole = await startBlackhole(); // takes the connection and the request, never answers
    slow = await startReceiver(() => slowGate.wait.then(() => 200)); // answers once the test lets it
    healthy = await startReceiver(() => 204);
    for (const [webhookId, url] of [['blackhole', blackhole.url], ['slow', slow.url], ['healthy', healthy.url]]) {
      expect((await n.post('/v1/webhooks', { webhookId, url, secret: SECRET, kinds: [KIND] }, ['admin'])).status).toBe(201);
    }
    await sleep(1_100); // the routing cache (1 s) sees the new endpoints
  });
  afterAll(async () => {
    slowGate.open();
    await blackhole?.close();
    await Promise.all([slow?.close(), healthy?.close()]);
    await n?.close();
  });

  it('delivers every alert to the healthy endpoint while the others are still stuck, then the slow one gets each alert once', async () => {
    const first = await publish(8, 'a');
    await waitFor(async () => healthy.received.length >= 8, 'the healthy endpoint’s first wave', 60_000);
    // Every stuck lane has its own sends out (at most its share), and not one of them has ended.
    await waitFor(async () => blackhole.deliveryIds.length === 2 && slow.received.length === 2, 'both stuck lanes full', 60_000);
    expect(await attemptsLogged(['blackhole', 'slow'])).toBe(0);

    // A second wave while the stuck lanes hold every slot there is: the healthy lane still sends.
    const second = await publish(8, 'b');
    await waitFor(async () => healthy.received.length >= 16, 'the healthy endpoint’s second wave', 60_000);
    expect(await attemptsLogged(['blackhole', 'slow'])).toBe(0); // all sixteen in before any stuck send ended
    expect(blackhole.deliveryIds).toHaveLength(2);
    expect(slow.received).toHaveLength(2);
    const all = [...first, ...second].map((a) => a.alertId);
    expect(healthy.received.map((r) => JSON.parse(r.body).alertId).sort()).toEqual([...all].sort());
    await waitFor(async () => (await rows('healthy')).every((r) => r.status === 'delivered'), 'the healthy rows settled');
    expect((await rows('healthy')).map((r) => r.attempts)).toEqual(new Array(16).fill(1));
    for (const id of ['blackhole', 'slow']) {
      const stuck = await rows(id);
      expect(stuck).toHaveLength(16);
      expect(stuck.every((r) => r.status === 'sending' || r.status === 'pending')).toBe(true);
    }

    // The slow endpoint answers at last: each alert reaches it once, none lost, none twice.
    slowGate.open();
    await waitFor(async () => (await rows('slow')).every((r) => r.status === 'delivered'), 'the slow endpoint’s deliveries', 60_000);
    expect(slow.received.map((r) => JSON.parse(r.body).alertId).sort()).toEqual([...all].sort());
    expect((await rows('slow')).map((r) => r.attempts)).toEqual(new Array(16).fill(1));

    // The black hole goes away: every row ends failed after its tries, none left behind.
    await blackhole.close();
    await waitFor(async () => (await rows('blackhole')).every((r) => r.status === 'failed'), 'the dead endpoint giving up', 60_000);
    expect((await rows('blackhole')).map((r) => r.attempts)).toEqual(new Array(16).fill(3));
    expect(new Set(blackhole.deliveryIds).size).toBe(blackhole.deliveryIds.length); // each request it took was a different row
  });
});

describe('notification delivery lanes: a claim is held by its lease token', () => {
  let n: NotificationHarness;
  beforeAll(async () => {
    n = await startNotification();
    await n.setPolicy({ floodWindowMs: 0 });
  });
  afterAll(async () => {
    await n?.close();
  });

  it('extends and hands back only a claim it still holds; a handed-back row is due again with its attempt uncounted', async () => {
    const store = n.app.get(DeliveryStore);
    const scope = n.app.get(TransactionScope);
    await n.app.get(DeliveryWorker).onApplicationShutdown(); // the test claims by hand: the worker must not
    const alert = anAlert({ kind: 'call.long-hold' });
    // Rows a crashed sender left: claimed once, lease run out.
    for (const id of ['x1', 'x2']) {
      await n.env.query(
        `INSERT INTO notification.delivery (delivery_id, alert_id, channel, target, recipient, message, status, attempts, lease_until)
         VALUES ($1, $2, 'webhook', 'nowhere', '{}', $3, 'sending', 1, now() - interval '1 second')`,
        [`lease-${id}`, `${alert.alertId}:${id}`, JSON.stringify(alert)],
      );
    }
    const claimed = await scope.run(() => store.claimDue({ limit: 10, rooms: [{ lane: 'webhook:nowhere', room: 2 }], roomPerLane: 0, leaseMs: 60_000 }));
    expect(claimed.map((d) => [d.deliveryId, d.lane, d.attempts]).sort()).toEqual([
      ['lease-x1', 'webhook:nowhere', 2],
      ['lease-x2', 'webhook:nowhere', 2],
    ]);
    const [x1, x2] = claimed.sort((a, b) => a.deliveryId.localeCompare(b.deliveryId));
    const renewed = await scope.run(() => store.renewLease(x1, 120_000));
    expect(renewed?.leaseToken).not.toBe(x1.leaseToken);
    expect(await scope.run(() => store.renewLease(x1, 120_000))).toBeNull(); // the old token is no claim any more
    await scope.run(() => store.release([x1, x2])); // x1's token is stale: only x2 goes back
    const after = await n.env.query<{ delivery_id: string; status: string; attempts: number }>(
      `SELECT delivery_id, status, attempts FROM notification.delivery WHERE delivery_id LIKE 'lease-%' ORDER BY delivery_id`,
    );
    expect(after).toEqual([
      { delivery_id: 'lease-x1', status: 'sending', attempts: 2 },
      { delivery_id: 'lease-x2', status: 'pending', attempts: 1 },
    ]);
  });
});
