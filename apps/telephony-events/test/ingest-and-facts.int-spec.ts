import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { RingingWatch } from '../src/alerts/ringing-watch';
import { CallSummarizer } from '../src/summarize/call-summarizer';
import { CallTimeoutSweeper } from '../src/summarize/call-timeout-sweeper';
import { startTelephony, summariesOf, type TelephonyHarness } from './telephony-harness';

/** A call 10 s in queue, rang agent A1001 for 18 s, 90 s talk with one 40 s hold, 25 s wrap-up. */
function callEvents(callId: string, base = Date.UTC(2026, 9, 5, 1, 0, 0)) {
  const at = (s: number) => new Date(base + s * 1000).toISOString();
  return [
    { eventId: `${callId}-q`, callId, type: 'call.queued', occurredAt: at(0), queue: 'sales', direction: 'inbound', data: { callerId: '13800000001' } },
    { eventId: `${callId}-o`, callId, type: 'call.offered', occurredAt: at(10), agentId: 'A1001', queue: 'sales', data: {} },
    { eventId: `${callId}-a`, callId, type: 'call.answered', occurredAt: at(28), agentId: 'A1001', queue: 'sales', data: {} },
    { eventId: `${callId}-h`, callId, type: 'call.hold', occurredAt: at(50), agentId: 'A1001', data: {} },
    { eventId: `${callId}-r`, callId, type: 'call.resumed', occurredAt: at(90), agentId: 'A1001', data: {} },
    { eventId: `${callId}-e`, callId, type: 'call.ended', occurredAt: at(158), agentId: 'A1001', data: { endedBy: 'caller' } },
    { eventId: `${callId}-w`, callId, type: 'call.wrapup.ended', occurredAt: at(183), agentId: 'A1001', data: {} },
  ];
}

/** A month ago, in seconds: within the policy's 400-day horizon whenever the test runs. */
const RECENT_EPOCH_S = Math.floor(Date.now() / 1000) - 30 * 86_400;
/** The golden log (written in October 2024) moved to a month ago, every line by the same offset. */
function recentQueueLog(text: string): string {
  const shift = RECENT_EPOCH_S - 1_730_000_000;
  return text.replace(/^(\d+)(\.\d+)?\|/gm, (_m, s: string, fraction = '') => `${Number(s) + shift}${fraction}|`);
}

describe('telephony-events through its public API (real NATS, real PostgreSQL)', () => {
  let t: TelephonyHarness;
  const post = (path: string, body: unknown, roles?: Parameters<TelephonyHarness['token']>[0]) =>
    request(t.url).post(path).set('Authorization', `Bearer ${t.token(roles)}`).send(body as object);

  beforeAll(async () => {
    t = await startTelephony();
  });
  afterAll(async () => t?.close());

  it('ingests a call and publishes its facts, worked out by hand', async () => {
    const res = await post('/v1/call-events', callEvents('c-1'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 7, duplicates: 0, rejected: [] });
    const s = await t.summary('c-1');
    expect(s).toMatchObject({
      eventId: 'call-c-1-v1', schemaVersion: 1, callId: 'c-1', version: 1, policyVersion: 'default-1', queue: 'sales',
      waitMs: 28_000, answered: true, abandoned: null, endedBy: 'caller', closedByTimeout: false,
    });
    expect(s.legs).toEqual([
      expect.objectContaining({
        agentId: 'A1001', offeredAt: '2026-10-05T01:00:10.000Z', answeredAt: '2026-10-05T01:00:28.000Z',
        ringMs: 18_000, rings: 4, ringLimitExceeded: true, missed: false, // 18 s > 3 rings × 5 s; ceil(18/5) = 4 bursts begun
        talkMs: 90_000, holdMs: 40_000, holdCount: 1, longestHoldMs: 40_000, wrapUpMs: 25_000, // 130 s connected − 40 s hold
      }),
    ]);
    expect(s.sourceEventIds).toHaveLength(7);
  });

  it('raises the ring-limit alert once for a live call, even when re-derived; an old call pages nobody', async () => {
    const base = Date.now() - 300_000;
    await post('/v1/call-events', callEvents('c-live', base)).expect(202);
    await t.summary('c-live');
    const alertId = `telephony:c-live:A1001@${base + 10_000}:call.ring-limit-exceeded`; // a leg is named by agent and offer instant
    await waitFor(() => t.env.query(`SELECT 1 FROM telephony.outbox_message WHERE id = $1 AND sent_at IS NOT NULL`, [alertId]).then((r) => r.length > 0), 'the alert');
    const alert = await t.js.last('ALERTS', 'alerts.call.ring-limit-exceeded');
    expect(alert?.json()).toMatchObject({ alertId, kind: 'call.ring-limit-exceeded', severity: 'warning', agentId: 'A1001' });
    const window = { from: new Date(base - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    expect((await post('/v1/calls/rederive', window, ['admin'])).status).toBe(202);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.call_dirty`)).length === 0, 'the re-derivation');
    await sleep(300);
    expect(await t.js.messageCount('ALERTS', 'alerts.call.ring-limit-exceeded')).toBe(1);
    expect((await summariesOf(t.js, 'c-live')).map((s) => s.version)).toEqual([1]); // unchanged facts publish nothing
    // c-1 rang past the limit too, but on 5 October: its facts say so, and nobody is paged about it now.
    expect((await t.summary('c-1')).legs[0].ringLimitExceeded).toBe(true);
    expect(await t.env.query(`SELECT kind FROM telephony.alert_raised WHERE call_id = 'c-1'`)).toEqual([]);
  });

  it('raises the ring-limit alert while the phone is still ringing, and not again when it is answered', async () => {
    const offeredAt = Date.now() - 2_000;
    const [queued, offered, answered] = callEvents('c-ringing', offeredAt - 10_000);
    await post('/v1/call-events', [queued, offered]).expect(202);
    await t.summary('c-ringing');
    const watch = t.app.get(RingingWatch);
    expect(await watch.check(offeredAt + 15_000)).toBe(0); // exactly 3 rings of 5 s: within the limit
    expect(await watch.check(offeredAt + 15_500)).toBe(1);
    expect(await watch.check(offeredAt + 16_000)).toBe(0); // raised once
    await post('/v1/call-events', [answered]).expect(202);
    const v2 = await t.summary('c-ringing', 2);
    expect(v2.legs[0].ringLimitExceeded).toBe(true);
    await sleep(300);
    const raised = await t.env.query(`SELECT kind FROM telephony.alert_raised WHERE call_id = 'c-ringing'`);
    expect(raised).toEqual([{ kind: 'call.ring-limit-exceeded' }]);
  });

  it('gives identical facts whatever the order, and reports duplicates', async () => {
    const events = callEvents('c-2').reverse();
    const first = await post('/v1/call-events', events.slice(0, 4));
    const second = await post('/v1/call-events', [...events.slice(2), events[0]]);
    expect(first.body).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    expect(second.body).toEqual({ accepted: 3, duplicates: 3, rejected: [] });
    const c1 = await t.summary('c-1');
    const c2 = await waitFor(async () => {
      const s = await t.summary('c-2');
      return s.sourceEventIds.length === 7 ? s : null;
    }, 'c-2 complete');
    // Same call shape, other ids: compare with the ids and the version taken out.
    const strip = (s: typeof c1) => {
      const { eventId: _e, version: _v, ...rest } = JSON.parse(JSON.stringify(s).replace(/c-[12]/g, 'c-x'));
      return rest;
    };
    expect(strip(c2)).toEqual(strip(c1));
  });

  it('re-publishes with version 2 when a late rating arrives', async () => {
    const late = { eventId: 'c-1-rating', callId: 'c-1', type: 'call.rated', occurredAt: '2026-10-05T01:05:00Z', data: { rating: 'good' } };
    expect((await post('/v1/call-events', [late])).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const v2 = await t.summary('c-1', 2);
    expect(v2).toMatchObject({ version: 2, rating: 'good', eventId: 'call-c-1-v2' });
    expect(v2.sourceEventIds).toContain('c-1-rating');
  });

  it('closes a call that never ends by the policy timeout, flagged', async () => {
    const now = Date.now();
    const events = callEvents('c-open', now - 200_000).slice(0, 3); // queued, offered, answered — then nothing
    await post('/v1/call-events', events).expect(202);
    const v1 = await t.summary('c-open');
    expect(v1).toMatchObject({ closedByTimeout: false, endedAt: null });
    const later = now + 5 * 3_600_000; // past the 4 h default
    // The background summarizer derives with the real clock (nothing to close yet) and would take the
    // sweep's marks first on a loaded machine: pause it while this test plays the later clock.
    const summarizer = t.app.get(CallSummarizer);
    await summarizer.onApplicationShutdown();
    try {
      expect(await t.app.get(CallTimeoutSweeper).sweep(later)).toBeGreaterThanOrEqual(1); // every open call is past it by then
      while ((await summarizer.summarizeBatch(later)) > 0);
      expect(await t.env.query(`SELECT 1 FROM telephony.call_facts WHERE call_id = 'c-open' AND NOT open`)).toHaveLength(1);
    } finally {
      summarizer.onApplicationBootstrap();
    }
    const v2 = await t.summary('c-open', 2);
    expect(v2).toMatchObject({ closedByTimeout: true, version: 2 });
  });

  it('accepts the valid items of a mixed batch and reports each rejected one by index and path', async () => {
    const good = callEvents('c-3').slice(0, 2);
    const res = await post('/v1/call-events', [
      good[0],
      { ...good[1], eventId: 'c-3-bad-agent', agentId: 42 },
      { eventId: 'c-3-no-offset', callId: 'c-3', type: 'call.queued', occurredAt: '2026-10-05T09:00:00', data: {} },
      { eventId: 'c-3-unknown', callId: 'c-3', type: 'call.teleported', occurredAt: '2026-10-05T01:00:00Z', data: {} },
      { eventId: 'c-3-rating', callId: 'c-3', type: 'call.rated', occurredAt: '2026-10-05T01:00:00Z', data: { rating: 'superb' } },
      'not an object',
      good[1],
    ]);
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(2);
    const paths = res.body.rejected.map((r: { index: number; errors: Array<{ path: string }> }) => [r.index, r.errors.map((e) => e.path)]);
    expect(paths).toEqual([
      [1, ['events[1].agentId']],
      [2, ['events[2].occurredAt']],
      [3, ['events[3].type']],
      [4, ['events[4].data.rating']],
      [5, ['events[5]']],
    ]);
    expect(res.body.rejected[0].eventId).toBe('c-3-bad-agent');
    const stored = await t.env.query(`SELECT event_id FROM telephony.call_event WHERE call_id = 'c-3' ORDER BY event_id`);
    expect(stored.map((r) => r.event_id)).toEqual(['c-3-o', 'c-3-q']);
    const kept = await t.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM telephony.ingest_rejection WHERE event_id LIKE 'c-3-%'`);
    expect(kept[0].n).toBe(4);
  });

  it('takes NDJSON, reporting an unreadable line and keeping the rest', async () => {
    const lines = callEvents('c-4').slice(0, 2).map((e) => JSON.stringify(e));
    const res = await request(t.url)
      .post('/v1/call-events')
      .set('Authorization', `Bearer ${t.token()}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(`${lines[0]}\n{broken\n${lines[1]}\n`);
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([{ index: 1, errors: [{ path: 'events[1]', message: expect.stringMatching(/^not valid JSON/) }] }]);
  });

  it('answers the contract error body for requests that cannot be taken at all', async () => {
    const all = await post('/v1/call-events', [{ eventId: 'x' }]);
    expect(all.status).toBe(400);
    expect(all.body).toMatchObject({ error: 'TELEPHONY.EVENTS_REJECTED', details: expect.arrayContaining([expect.objectContaining({ path: 'events[0].callId' })]) });
    expect(all.body.rejected[0].index).toBe(0);
    expect((await post('/v1/call-events', { events: [] })).body.error).toBe('TELEPHONY.BODY_NOT_EVENTS');
    expect((await post('/v1/call-events', [])).body.error).toBe('TELEPHONY.NO_EVENTS');
    const tooMany = await post('/v1/call-events', Array.from({ length: 5001 }, (_, i) => ({ eventId: `m${i}` })));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error).toBe('TELEPHONY.TOO_MANY_EVENTS');
    expect((await request(t.url).post('/v1/call-events').send([])).status).toBe(401);
    const forbidden = await post('/v1/call-events', callEvents('c-5'), ['supervisor']);
    expect(forbidden.status).toBe(403);
  });

  it('ingests events published to telephony.ingest by a telephony system', async () => {
    await t.js.publish('telephony.ingest', callEvents('c-nats'), 'pbx-batch-1');
    const s = await t.summary('c-nats');
    expect(s.legs[0]).toMatchObject({ agentId: 'A1001', talkMs: 90_000 });
    await t.js.publish('telephony.ingest', { eventId: 'bad', callId: 'c-nats', type: 'call.nope' }, 'pbx-batch-2');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.ingest_rejection WHERE source = 'nats' AND event_id = 'bad'`)).length === 1, 'the kept rejection');
  });

  it('imports an Asterisk queue_log, accounting for every line; the same file twice adds nothing', async () => {
    const log = recentQueueLog(readFileSync(join(__dirname, 'fixtures/asterisk-queue_log.golden.log'), 'utf8'));
    const upload = () => request(t.url).post('/v1/call-events/asterisk-queue-log').set('Authorization', `Bearer ${t.token()}`).set('Content-Type', 'text/plain').send(log);
    const first = await upload();
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ accepted: 36, duplicates: 0, rejected: [] });
    expect(first.body.counts).toMatchObject({ ENTERQUEUE: 10, CONNECT: 6, BLINDTRANSFER: 1, FOOBAR: 1 });
    expect(first.body.ignored.map((i: { verb: string }) => i.verb)).toEqual(expect.arrayContaining(['QUEUESTART', 'CONFIGRELOAD', 'AGENTDUMP']));
    expect(first.body.unparseable.length).toBeGreaterThanOrEqual(2);
    expect(first.body.agentStates.accepted).toBeGreaterThan(0);
    const second = await upload();
    expect(second.body).toMatchObject({ accepted: 0, duplicates: 36, agentStates: { accepted: 0 } });
    const s = await t.summary('1730000005.1');
    expect(s.legs[0]).toMatchObject({ agentId: '1001', ringMs: 7_000, talkMs: 60_000 });
  });

  it('imports a queue_log larger than one chunk, with the file’s own line numbers, and refuses an oversized one', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 9_000; i++) {
      const t0 = RECENT_EPOCH_S + i * 10;
      const id = `big.${i}`;
      lines.push(`${t0}|${id}|sales|NONE|ENTERQUEUE||1380000${i}|1`, `${t0 + 5}|${id}|sales|SIP/1001|CONNECT|5|x.${i}|2`, `${t0 + 65}|${id}|sales|SIP/1001|COMPLETECALLER|5|60|1`);
    }
    lines.splice(26_500, 0, 'garbage line near the end');
    const res = await request(t.url).post('/v1/call-events/asterisk-queue-log').set('Authorization', `Bearer ${t.token()}`).set('Content-Type', 'text/plain').send(lines.join('\n'));
    expect(res.status).toBe(202);
    expect(res.body.counts).toMatchObject({ ENTERQUEUE: 9_000, CONNECT: 9_000, COMPLETECALLER: 9_000 });
    expect(res.body.accepted).toBe(9_000 * 4); // queued, offered + answered from CONNECT, ended
    expect(res.body.unparseable).toEqual([{ line: 26_501, reason: expect.any(String) }]);
    // A declared length past the streamed cap (256 MB) is refused before a byte of it is read.
    const tooBig = await declaredLengthPost(`${t.url}/v1/call-events/asterisk-queue-log`, t.token(), 257 * 1024 * 1024);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toBe('REQUEST.TOO_LARGE');
  });

  it('imports Amazon Connect contact trace records, the newest version of a contact winning', async () => {
    const ctrs = JSON.parse(readFileSync(join(__dirname, 'fixtures/amazon-connect-ctrs.golden.json'), 'utf8'));
    const res = await post('/v1/call-events/amazon-connect-ctr', ctrs);
    expect(res.status).toBe(202);
    expect(res.body.accepted).toBeGreaterThan(0);
    expect(res.body.rejected).toEqual([]);
    const again = await post('/v1/call-events/amazon-connect-ctr', ctrs);
    expect(again.body.accepted).toBe(0);
  });

  it('serves queue statistics and one call with the events behind it', async () => {
    const stats = await request(t.url)
      .get('/v1/queues/stats?from=2026-10-05&to=2026-10-06&queue=sales')
      .set('Authorization', `Bearer ${t.token(['supervisor'])}`);
    expect(stats.status).toBe(200);
    expect(stats.body.overall).toMatchObject({ offered: expect.any(Number), answered: expect.any(Number) });
    expect(stats.body.overall.answered).toBeGreaterThanOrEqual(3);
    const bad = await request(t.url).get('/v1/queues/stats?from=yesterday&to=2026-10-06').set('Authorization', `Bearer ${t.token(['supervisor'])}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('from');
    const call = await request(t.url).get('/v1/calls/c-1').set('Authorization', `Bearer ${t.token(['supervisor'])}`);
    expect(call.status).toBe(200);
    expect(call.body.facts.version).toBe(2);
    expect(call.body.events.map((e: { eventId: string }) => e.eventId)).toContain('c-1-rating');
    const missing = await request(t.url).get('/v1/calls/none').set('Authorization', `Bearer ${t.token(['supervisor'])}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('TELEPHONY.CALL_NOT_FOUND');
  });

  it('applies the ring limit from the policy that scoring activates', async () => {
    await t.js.publish('scoring.policy.activated', { policyVersion: 'tenant-7', effectiveFrom: '2026-10', telephony: { ringLimitRings: 4 } }, 'policy-tenant-7');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.policy_copy WHERE policy_version = 'tenant-7'`)).length === 1, 'the policy copy');
    await sleep(2_100); // the policy cache
    await post('/v1/call-events', callEvents('c-policy')).expect(202);
    const s = await t.summary('c-policy');
    expect(s.policyVersion).toBe('tenant-7');
    expect(s.legs[0]).toMatchObject({ ringMs: 18_000, ringLimitExceeded: false }); // 18 s ≤ 4 × 5 s
  });
});

/** A POST that declares `length` bytes and sends a few: what a client uploading a huge file looks like to the server at first. */
function declaredLengthPost(url: string, token: string, length: number): Promise<{ status: number; body: { error?: string } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain', 'content-length': String(length) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.write('1730000000|x|sales|NONE|INFO\n');
  });
}
