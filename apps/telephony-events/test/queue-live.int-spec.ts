import request from 'supertest';
import { DateTime } from 'luxon';
import { mintToken } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/**
 * Issue 12: the live wallboard after a replayed morning equals the state worked out by hand from
 * the same events (the service computes it from the stored facts, so a restart or another
 * instance gives the same).
 */
describe('GET /v1/queues/live after a replayed morning', () => {
  let t: TelephonyHarness;
  const now = Date.now();
  const at = (sAgo: number) => new Date(now - sAgo * 1000).toISOString();
  const sinceIso = (sAgo: number) => DateTime.fromMillis(Math.floor((now - sAgo * 1000) / 1000) * 1000, { zone: P.timeZone }).toISO();
  const e = (callId: string, suffix: string, type: string, sAgo: number, extra: object = {}) =>
    ({ eventId: `${callId}-${suffix}`, callId, type, occurredAt: at(sAgo), queue: 'sales', data: {}, ...extra });

  beforeAll(async () => {
    t = await startTelephony();
    const events = [
      // Waiting now: w1 for 90 s, w2 for 30 s; w3 rings agent R.
      e('w1', 'q', 'call.queued', 90), e('w2', 'q', 'call.queued', 30),
      e('w3', 'q', 'call.queued', 40), e('w3', 'o', 'call.offered', 12, { agentId: 'R' }),
      // T talks (answered 100 s ago), H on hold since 20 s.
      e('c1', 'q', 'call.queued', 130), e('c1', 'o', 'call.offered', 110, { agentId: 'T' }), e('c1', 'a', 'call.answered', 100, { agentId: 'T' }),
      e('c2', 'q', 'call.queued', 300), e('c2', 'o', 'call.offered', 290, { agentId: 'H' }), e('c2', 'a', 'call.answered', 285, { agentId: 'H' }),
      e('c2', 'h', 'call.hold', 20, { agentId: 'H' }),
      // W in wrap-up since the caller hung up 50 s ago; I idle since wrap-up ended 10 s ago.
      e('c3', 'q', 'call.queued', 400), e('c3', 'o', 'call.offered', 395, { agentId: 'W' }), e('c3', 'a', 'call.answered', 390, { agentId: 'W' }),
      e('c3', 'e', 'call.ended', 50, { data: { endedBy: 'caller' } }),
      e('c4', 'q', 'call.queued', 500), e('c4', 'o', 'call.offered', 495, { agentId: 'I' }), e('c4', 'a', 'call.answered', 490, { agentId: 'I' }),
      e('c4', 'e', 'call.ended', 200, { agentId: 'I', data: { endedBy: 'agent' } }), e('c4', 'w', 'call.wrapup.ended', 10, { agentId: 'I' }),
      // Abandoned after 70 s (over the 20 s target).
      e('c5', 'q', 'call.queued', 600), e('c5', 'x', 'call.abandoned', 530, { data: { reason: 'hangup', waitMs: 70_000 } }),
    ];
    await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(events).expect(202);
    // P paused for lunch 60 s ago; L logged off 5 minutes ago.
    const s = (sAgo: number) => Math.floor((now - sAgo * 1000) / 1000);
    const log = [`${s(600)}|NONE|NONE|Agent/P|AGENTLOGIN|SIP/P`, `${s(60)}|NONE|sales|Agent/P|PAUSE|lunch`, `${s(300)}|NONE|NONE|Agent/L|AGENTLOGOFF|SIP/L|600`].join('\n');
    await request(t.url).post('/v1/call-events/asterisk-queue-log').set('Authorization', `Bearer ${t.token()}`).set('Content-Type', 'text/plain').send(log).expect(202);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.call_facts`)).length === 8 && (await t.env.query(`SELECT 1 FROM telephony.call_dirty`)).length === 0, 'derived');
  });
  afterAll(async () => t?.close());

  it('shows each queue now and today so far, and each agent’s state since when', async () => {
    const res = await request(t.url).get('/v1/queues/live').set('Authorization', `Bearer ${t.token(['supervisor'])}`);
    expect(res.status).toBe(200);
    const sales = res.body.queues.find((q: { queue: string }) => q.queue === 'sales');
    expect(sales).toMatchObject({ waiting: 3, inProgress: 2, today: { offered: 8, answered: 4, abandoned: 1 } });
    expect(sales.longestWaitMs).toBeGreaterThanOrEqual(90_000);
    expect(sales.longestWaitMs).toBeLessThan(100_000);
    // c1–c4 waited 30, 15, 10, 10 s: 3 within 20 s, of 4 answered and of 4 answered + 1 abandoned (after the target).
    expect(sales.today.serviceLevel).toEqual({ ofAnswered: 0.75, ofAnsweredAndAbandoned: 0.6, ofAnsweredAndAbandonedAfterTarget: 0.6 });
    const agents = Object.fromEntries(res.body.agents.map((a: { agentId: string }) => [a.agentId, a]));
    expect(agents).toEqual({
      R: { agentId: 'R', state: 'ringing', since: expect.any(String), callId: 'w3' },
      T: { agentId: 'T', state: 'talking', since: expect.any(String), callId: 'c1' },
      H: { agentId: 'H', state: 'on-hold', since: expect.any(String), callId: 'c2' },
      W: { agentId: 'W', state: 'wrap-up', since: expect.any(String), callId: 'c3' },
      I: { agentId: 'I', state: 'idle', since: expect.any(String) },
      P: { agentId: 'P', state: 'paused', reason: 'lunch', since: sinceIso(60) },
      L: { agentId: 'L', state: 'logged-out', since: sinceIso(300) },
    });
    const within = (iso: string, sAgo: number) => Math.abs(Date.parse(iso) - (now - sAgo * 1000)) <= 1;
    expect([within(agents.R.since, 12), within(agents.T.since, 100), within(agents.H.since, 20), within(agents.W.since, 50), within(agents.I.since, 10)]).toEqual([true, true, true, true, true]);
    const agent = mintToken(TEST_JWT_SECRET, { sub: 'u-t', roles: ['agent'], agentId: 'T' });
    expect((await request(t.url).get('/v1/queues/live').set('Authorization', `Bearer ${agent}`)).status).toBe(403);
  });

  it('takes agent states published to telephony.agent.state, refusing bad ones', async () => {
    await t.js.publish('telephony.agent.state', [
      { eventId: 'n-login', agentId: 'N', kind: 'login', occurredAt: at(120) },
      { eventId: 'n-pause', agentId: 'N', kind: 'pause', occurredAt: at(30), reason: 'training' },
      { eventId: 'bad', agentId: 'N\u0000', kind: 'nap', occurredAt: '9999-01-01T00:00:00Z' },
    ], 'pbx-states-1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.agent_state_event WHERE agent_id = 'N'`)).length === 2, 'the states');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.ingest_rejection WHERE event_id = 'bad'`)).length === 1, 'the kept rejection');
    const res = await waitFor(async () => {
      const r = await request(t.url).get('/v1/queues/live').set('Authorization', `Bearer ${t.token(['admin'])}`);
      return r.body.agents.some((a: { agentId: string }) => a.agentId === 'N') ? r : null;
    }, 'N on the wallboard');
    expect(res.body.agents.find((a: { agentId: string }) => a.agentId === 'N')).toEqual({ agentId: 'N', state: 'paused', reason: 'training', since: expect.any(String) });
  });

  it('documents every request and response body in OpenAPI, the call event per type with an example', async () => {
    const doc = (await request(t.url).get('/docs-json')).body;
    const post = doc.paths['/v1/call-events'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.items.oneOf).toHaveLength(12);
    expect(body.items.oneOf.map((s: { properties: { type: { enum: string[] } } }) => s.properties.type.enum[0])).toContain('call.quality');
    expect(body.example[0]).toMatchObject({ type: 'call.queued' });
    expect(post.responses['202'].content['application/json'].schema.required).toEqual(['accepted', 'duplicates', 'rejected']);
    expect(post.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    for (const [path, status] of [['/v1/queues/live', '200'], ['/v1/queues/stats', '200'], ['/v1/agents/stats', '200'], ['/v1/calls/{callId}', '200'], ['/v1/calls', '200'],
      ['/v1/call-events/asterisk-queue-log', '202'], ['/v1/call-events/amazon-connect-ctr', '202'], ['/v1/derivation-failures', '200']] as const) {
      const op = doc.paths[path].get ?? doc.paths[path].post;
      // A response class is referenced from components; a hand-written schema is inline.
      const schema = op.responses[status].content['application/json'].schema;
      const resolved = schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
      expect([path, resolved.type]).toEqual([path, 'object']);
    }
    // Every list answers a page (contracts.md, third round).
    for (const path of ['/v1/calls', '/v1/agents/stats', '/v1/derivation-failures', '/v1/admin/partitions']) {
      const op = doc.paths[path].get;
      expect([path, Object.keys(op.responses['200'].content['application/json'].schema.properties).filter((k) => k === 'items' || k === 'nextCursor')]).toEqual([path, ['items', 'nextCursor']]);
      expect([path, op.parameters.map((p: { name: string }) => p.name).filter((n: string) => n === 'limit' || n === 'cursor').sort()]).toEqual([path, ['cursor', 'limit']]);
    }
    const recording = doc.paths['/v1/calls/{callId}/recording'].get;
    expect(Object.keys(recording.responses)).toEqual(expect.arrayContaining(['200', '206', '404', '416', '501']));
  });
});
