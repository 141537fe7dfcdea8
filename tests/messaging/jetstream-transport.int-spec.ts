import { JsTestClient } from '../support/js-client';
import { startProbe, supervisorToken, type RunningProbe } from '../support/probe-harness';
import { createTestEnv, type TestEnv } from '../support/test-env';
import { sleep, waitFor } from '../support/wait-for';
import { BATCH_SUBJECT, PING_SUBJECT } from '../fixtures/probe/probe.consumer';
import request from 'supertest';
import { OutboxRelay } from '@app/messaging';

/** The messaging guarantees of architecture.md, against a real nats-server and PostgreSQL. */
describe('JetStream transport (real NATS, real PostgreSQL)', () => {
  let env: TestEnv;
  let js: JsTestClient;
  const running: RunningProbe[] = [];

  const effects = async (key: string) =>
    env.query<{ instance: string; delivery: number }>(`SELECT instance, delivery FROM probe.effect WHERE key = $1 ORDER BY id`, [key]);
  const start = async (o: Parameters<typeof startProbe>[1] = {}) => {
    const p = await startProbe(env, o);
    running.push(p);
    return p;
  };
  const stopAll = async () => {
    while (running.length) await running.pop()!.close();
  };

  beforeAll(async () => {
    env = await createTestEnv();
    // The first start provisions the streams and the durable consumer.
    await start();
    await stopAll();
    js = await JsTestClient.connect(env.nats.url);
  });
  afterEach(stopAll);
  afterAll(async () => {
    await js?.close();
    await env?.dispose();
  });

  it('handles an event published while its consumer service was down, once it starts', async () => {
    await js.publish(PING_SUBJECT, { key: 'while-down' }, 'm-while-down');
    await sleep(300);
    expect(await effects('while-down')).toHaveLength(0);
    await start();
    await waitFor(async () => (await effects('while-down')).length === 1, 'the effect');
    await sleep(500);
    expect(await effects('while-down')).toEqual([{ instance: 'probe-1', delivery: 1 }]);
  });

  it('documents what it consumes in /asyncapi.json, read from its handlers, with the dead letters the platform publishes for it', async () => {
    const p = await start();
    const doc = (await request(p.url).get('/asyncapi.json').expect(200)).body;
    expect(Object.keys(doc.operations).sort()).toEqual([
      'receive_qa_probe_batch',
      'receive_qa_probe_ping',
      'send_alerts_message_dead-lettered',
      'send_alerts_message_parked',
      'send_deadletter_service_subject',
      'send_qa_probe_ping',
    ]);
    expect(doc.channels.deadletter_service_subject.address).toBe('deadletter.{service}.{subject}');
  });

  it('retries a handler that throws once, and then it succeeds', async () => {
    await start();
    await js.publish(PING_SUBJECT, { key: 'flaky', failTimes: 1 }, 'm-flaky');
    await waitFor(async () => (await effects('flaky')).length === 1, 'the retried effect');
    await sleep(400);
    expect(await effects('flaky')).toEqual([{ instance: 'probe-1', delivery: 2 }]);
  });

  it('dead-letters a handler that always throws after max_deliver, with its error, and keeps handling the rest', async () => {
    await start({ maxDeliver: 3, backoffMs: [50] });
    await js.publish(PING_SUBJECT, { key: 'doomed', alwaysFail: true }, 'm-doomed');
    for (let i = 0; i < 5; i++) await js.publish(PING_SUBJECT, { key: `behind-${i}` }, `m-behind-${i}`);

    const dlq = await waitFor(() => js.last('DEADLETTER', `deadletter.probe.${PING_SUBJECT}`), 'the dead letter');
    expect(dlq.header?.get('Dlq-Error')).toContain('always failing doomed');
    expect(dlq.header?.get('Dlq-Delivery-Count')).toBe('3');
    expect(dlq.header?.get('Dlq-Original-Message-Id')).toBe('m-doomed');
    expect(dlq.json<{ key: string }>().key).toBe('doomed');

    const alert = await waitFor(() => js.last('ALERTS', 'alerts.message.dead-lettered'), 'the alert');
    const body = alert.json<{ severity: string; facts: { messageId: string; error: string } }>();
    expect(body.severity).toBe('critical');
    expect(body.facts.messageId).toBe('m-doomed');
    expect(body.facts.error).toContain('always failing doomed');

    for (let i = 0; i < 5; i++) {
      await waitFor(async () => (await effects(`behind-${i}`)).length === 1, `behind-${i}`);
    }
    expect(await effects('doomed')).toHaveLength(0);
  });

  it('dead-letters a non-retryable error on its first delivery', async () => {
    await start();
    await js.publish(PING_SUBJECT, { key: 'poison', poison: true }, 'm-poison');
    const dlq = await waitFor(async () => {
      const m = await js.last('DEADLETTER', `deadletter.probe.${PING_SUBJECT}`);
      return m?.header?.get('Dlq-Original-Message-Id') === 'm-poison' ? m : null;
    }, 'the poison dead letter');
    expect(dlq.header?.get('Dlq-Delivery-Count')).toBe('1');
  });

  it('hands a set-based handler whole batches in one transaction; a poison message is split out and dead-lettered alone', async () => {
    // Queued while no consumer runs, so the first pull finds them all waiting.
    const keys = Array.from({ length: 200 }, (_, i) => `batch-${i}`);
    await Promise.all(keys.map((key, i) => js.publish(BATCH_SUBJECT, i === 137 ? { key, poison: true } : { key }, `m-${key}`)));
    await start();
    const stored = await waitFor(async () => {
      const rows = await env.query<{ key: string; n: number }>(`SELECT key, count(*)::int AS n FROM probe.effect WHERE key LIKE 'batch-%' GROUP BY key`);
      return rows.length === 199 ? rows : null;
    }, 'the 199 good messages stored', 30_000);
    expect(stored.every((r) => r.n === 1)).toBe(true);
    expect(stored.map((r) => r.key)).not.toContain('batch-137');
    const dlq = await waitFor(async () => {
      const m = await js.last('DEADLETTER', `deadletter.probe.${BATCH_SUBJECT}`);
      return m?.header?.get('Dlq-Original-Message-Id') === 'm-batch-137' ? m : null;
    }, 'the poison dead letter');
    expect(dlq.header?.get('Dlq-Delivery-Count')).toBe('1');
    const calls = await env.query<{ size: number }>(`SELECT size FROM probe.batch_call`);
    // Every good message stored by exactly one committed call; batches of several (at most maxBatch) did most of it.
    expect(calls.reduce((s, c) => s + c.size, 0)).toBe(199);
    expect(Math.max(...calls.map((c) => c.size))).toBeLessThanOrEqual(50);
    expect(calls.length).toBeLessThan(199);
    const inbox = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM probe.inbox_message WHERE message_id LIKE 'm-batch-%'`);
    expect(inbox[0].n).toBe(199); // the poison's transaction rolled back; it was terminated on the stream, never redelivered
  });

  it('changes the database once when the same message is delivered twice', async () => {
    await start({ ackWaitMs: 1_000, handlerDelayMs: 1_500 });
    // The handler outlives ack_wait, so JetStream delivers the message again while the first
    // attempt is still in its transaction: the inbox makes the second one a no-op.
    await js.publish(PING_SUBJECT, { key: 'twice' }, 'm-twice');
    await waitFor(async () => (await effects('twice')).length >= 1, 'the effect', 20_000);
    await sleep(3_000);
    expect(await effects('twice')).toHaveLength(1);
    const inbox = await env.query(`SELECT count(*)::int AS n FROM probe.inbox_message WHERE message_id = 'm-twice'`);
    expect(inbox[0].n).toBe(1);
  });

  it('changes the database once when a producer republishes the same id after the duplicate window', async () => {
    await start();
    await js.publish(PING_SUBJECT, { key: 'republished' }, 'm-republished');
    await waitFor(async () => (await effects('republished')).length === 1, 'the first effect');
    // Beyond JetStream's duplicate window the stream stores it again; the inbox still knows it.
    const before = await js.messageCount('QA', PING_SUBJECT);
    await js.jsm.streams.update('QA', { ...(await js.jsm.streams.info('QA')).config, duplicate_window: 100_000_000 });
    await sleep(200);
    await js.publish(PING_SUBJECT, { key: 'republished' }, 'm-republished');
    expect(await js.messageCount('QA', PING_SUBJECT)).toBe(before + 1);
    await sleep(800);
    expect(await effects('republished')).toHaveLength(1);
  });

  it('shares one durable consumer between two instances: every message handled exactly once', async () => {
    await start({ instance: 'a', handlerDelayMs: 5 });
    await start({ instance: 'b', handlerDelayMs: 5 });
    const n = 300;
    await Promise.all(Array.from({ length: n }, (_, i) => js.publish(PING_SUBJECT, { key: `shared-${i}` }, `m-shared-${i}`)));
    await waitFor(async () => {
      const r = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM probe.effect WHERE key LIKE 'shared-%'`);
      return r[0].n >= n;
    }, 'all shared effects');
    await sleep(500);
    const rows = await env.query<{ key: string; c: number }>(
      `SELECT key, count(*)::int AS c FROM probe.effect WHERE key LIKE 'shared-%' GROUP BY key HAVING count(*) <> 1`,
    );
    expect(rows).toEqual([]);
    const total = await env.query<{ n: number }>(`SELECT count(DISTINCT key)::int AS n FROM probe.effect WHERE key LIKE 'shared-%'`);
    expect(total[0].n).toBe(n);
    const byInstance = await env.query<{ instance: string; c: number }>(
      `SELECT instance, count(*)::int AS c FROM probe.effect WHERE key LIKE 'shared-%' GROUP BY instance ORDER BY instance`,
    );
    expect(byInstance.map((r) => r.instance)).toEqual(['a', 'b']);
  });

  it('publishes an outbox row once even when the relay crashed between publish and marking it sent', async () => {
    const p = await start({ consume: false, relayAutoStart: false });
    const res = await request(p.url).post('/probe/rows').set('Authorization', `Bearer ${supervisorToken()}`).send({ key: 'relay-crash' });
    expect(res.status).toBe(201);
    const relay = p.app.get(OutboxRelay);
    expect(await relay.flush()).toBe(1);
    // Simulate the crash: the stream has it, but the row still looks unsent.
    await env.query(`UPDATE probe.outbox_message SET sent_at = NULL WHERE payload->>'key' = 'relay-crash'`);
    const before = await js.messageCount('QA', PING_SUBJECT);
    expect(await relay.flush()).toBe(1);
    expect(await js.messageCount('QA', PING_SUBJECT)).toBe(before);
    await stopAll();
    await start();
    await waitFor(async () => (await effects('relay-crash')).length === 1, 'the effect');
    await sleep(500);
    expect(await effects('relay-crash')).toHaveLength(1);
  });

  it('lets two relays drain one outbox without publishing any row twice', async () => {
    const a = await start({ consume: false, relayAutoStart: false, instance: 'ra' });
    const token = supervisorToken();
    const n = 150;
    for (let i = 0; i < n; i++) {
      await request(a.url).post('/probe/rows').set('Authorization', `Bearer ${token}`).send({ key: `two-relays-${i}` }).expect(201);
    }
    const b = await start({ consume: false, relayAutoStart: false, instance: 'rb' });
    const before = await js.messageCount('QA', PING_SUBJECT);
    const [na, nb] = await Promise.all([a.app.get(OutboxRelay).flush(), b.app.get(OutboxRelay).flush()]);
    expect(na + nb).toBe(n);
    expect(await js.messageCount('QA', PING_SUBJECT)).toBe(before + n);
    const unsent = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM probe.outbox_message WHERE sent_at IS NULL`);
    expect(unsent[0].n).toBe(0);
  });

  it('survives a NATS restart without losing or double-applying anything', async () => {
    await start({ handlerDelayMs: 2 });
    const token = supervisorToken();
    const p = running[0];
    for (let i = 0; i < 20; i++) await request(p.url).post('/probe/rows').set('Authorization', `Bearer ${token}`).send({ key: `restart-${i}` }).expect(201);
    await env.nats.stop();
    // Written while NATS is down: these wait in the outbox.
    for (let i = 20; i < 40; i++) await request(p.url).post('/probe/rows').set('Authorization', `Bearer ${token}`).send({ key: `restart-${i}` }).expect(201);
    await sleep(500);
    await env.nats.start();
    await js.close();
    js = await JsTestClient.connect(env.nats.url);
    await waitFor(async () => {
      const r = await env.query<{ n: number }>(`SELECT count(DISTINCT key)::int AS n FROM probe.effect WHERE key LIKE 'restart-%'`);
      return r[0].n === 40;
    }, 'all 40 effects after the restart', 40_000);
    await sleep(800);
    const dup = await env.query(`SELECT key FROM probe.effect WHERE key LIKE 'restart-%' GROUP BY key HAVING count(*) > 1`);
    expect(dup).toEqual([]);
  });
});
