import request from 'supertest';
import { mintToken } from '@app/auth';
import { encodeCursor } from '@app/platform';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/** Issue 12: an agent reads the calls they took part in, and never another agent's leg of them. */
describe('agents reading their own calls', () => {
  let t: TelephonyHarness;
  const base = Date.now() - 3 * 86_400_000;
  const at = (s: number) => new Date(base + s * 1000).toISOString();
  const agentToken = (agentId: string) => mintToken(TEST_JWT_SECRET, { sub: `u-${agentId}`, roles: ['agent'], agentId });
  const get = (path: string, token: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`);
  const window = `from=${encodeURIComponent(new Date(base - 60_000).toISOString())}&to=${encodeURIComponent(new Date(base + 86_400_000).toISOString())}`;

  beforeAll(async () => {
    t = await startTelephony();
    // A answers, transfers to B, B finishes: a shared call.
    const shared = [
      { eventId: 's-q', callId: 'shared', type: 'call.queued', occurredAt: at(0), queue: 'sales', data: { callerId: '13800000000' } },
      { eventId: 's-oa', callId: 'shared', type: 'call.offered', occurredAt: at(5), agentId: 'A', data: {} },
      { eventId: 's-aa', callId: 'shared', type: 'call.answered', occurredAt: at(8), agentId: 'A', data: {} },
      { eventId: 's-t', callId: 'shared', type: 'call.transferred', occurredAt: at(60), agentId: 'A', data: { target: 'B' } },
      { eventId: 's-ob', callId: 'shared', type: 'call.offered', occurredAt: at(61), agentId: 'B', data: {} },
      { eventId: 's-ab', callId: 'shared', type: 'call.answered', occurredAt: at(63), agentId: 'B', data: {} },
      { eventId: 's-hb', callId: 'shared', type: 'call.hold', occurredAt: at(70), agentId: 'B', data: {} },
      { eventId: 's-rb', callId: 'shared', type: 'call.resumed', occurredAt: at(80), agentId: 'B', data: {} },
      { eventId: 's-e', callId: 'shared', type: 'call.ended', occurredAt: at(200), agentId: 'B', data: { endedBy: 'caller' } },
    ];
    // 60 more calls answered by A, one a minute after the shared one.
    const more = Array.from({ length: 60 }, (_, i) => [
      { eventId: `a${i}-o`, callId: `a${i}`, type: 'call.offered', occurredAt: at(300 + i * 60), agentId: 'A', queue: 'sales', data: {} },
      { eventId: `a${i}-a`, callId: `a${i}`, type: 'call.answered', occurredAt: at(303 + i * 60), agentId: 'A', queue: 'sales', data: {} },
      { eventId: `a${i}-e`, callId: `a${i}`, type: 'call.ended', occurredAt: at(350 + i * 60), agentId: 'A', data: { endedBy: 'agent' } },
    ]).flat();
    // Three calls that came in at the same millisecond and were abandoned: a page may end between them.
    const ties = ['tie-1', 'tie-2', 'tie-3'].flatMap((callId) => [
      { eventId: `${callId}-q`, callId, type: 'call.queued', occurredAt: at(1_000), queue: 'sales', data: {} },
      { eventId: `${callId}-x`, callId, type: 'call.abandoned', occurredAt: at(1_030), queue: 'sales', data: { reason: 'hangup' } },
    ]);
    await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send([...shared, ...more, ...ties]).expect(202);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.call_facts`)).length === 64 && (await t.env.query(`SELECT 1 FROM telephony.call_dirty`)).length === 0, 'all calls derived');
  });
  afterAll(async () => t?.close());

  it('shows an agent the queue part and their own leg of a shared call, never the other agent’s', async () => {
    const a = await get('/v1/calls/shared', agentToken('A'));
    expect(a.status).toBe(200);
    expect(a.body.facts).toMatchObject({ callId: 'shared', queue: 'sales', waitMs: 8_000, answered: true });
    expect(a.body.facts.legs).toEqual([expect.objectContaining({ agentId: 'A', talkMs: 52_000, transferred: true })]);
    expect(a.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(['s-q', 's-oa', 's-aa', 's-t']);
    expect(a.body.facts.sourceEventIds.sort()).toEqual(['s-aa', 's-oa', 's-q', 's-t']);
    const b = await get('/v1/calls/shared', agentToken('B'));
    expect(b.body.facts.legs).toEqual([expect.objectContaining({ agentId: 'B', holdMs: 10_000 })]);
    expect(JSON.stringify(b.body)).not.toContain('"agentId":"A"');
    const supervisor = await get('/v1/calls/shared', t.token(['supervisor']));
    expect(supervisor.body.facts.legs.map((l: { agentId: string }) => l.agentId)).toEqual(['A', 'B']);
  });

  it('answers 404 to an agent without a leg in the call, as if it did not exist', async () => {
    const c = await get('/v1/calls/shared', agentToken('C'));
    expect(c.status).toBe(404);
    expect(c.body.error).toBe('TELEPHONY.CALL_NOT_FOUND');
  });

  it('pages an agent’s own calls; another agent’s list is refused; staff list anyone’s', async () => {
    const whole = await get(`/v1/calls?${window}`, agentToken('A'));
    expect(whole.status).toBe(200);
    expect(whole.body.items).toHaveLength(61); // default limit 100
    expect(whole.body.nextCursor).toBeNull();
    const first = await get(`/v1/calls?${window}&limit=50`, agentToken('A'));
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items[0]).toMatchObject({ callId: 'shared', legs: [expect.objectContaining({ agentId: 'A' })] });
    expect(first.body.items[0].legs).toHaveLength(1);
    const second = await get(`/v1/calls?${window}&limit=50&cursor=${first.body.nextCursor}`, agentToken('A'));
    expect(second.body.items.map((c: { callId: string }) => c.callId)).toEqual(Array.from({ length: 11 }, (_, i) => `a${49 + i}`));
    expect(second.body.nextCursor).toBeNull();
    const others = await get(`/v1/calls?${window}&agentId=B`, agentToken('A'));
    expect(others.status).toBe(403);
    expect(others.body.error).toBe('TELEPHONY.NOT_YOUR_CALLS');
    // An admin reaches everyone; supervisors and QA their own teams only (test/team-scope.int-spec.ts).
    const bBySupervisor = await get(`/v1/calls?${window}&agentId=B`, t.token(['admin']));
    expect(bBySupervisor.body.items.map((c: { callId: string; legs: unknown[] }) => [c.callId, c.legs.length])).toEqual([['shared', 2]]);
  });

  it('pages every call by its first event, ties by call id, each call once however the pages fall', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/v1/calls?${window}&limit=7${cursor === null ? '' : `&cursor=${cursor}`}`, t.token(['supervisor']));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items.map((c: { callId: string }) => c.callId));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null);
    const inOrder = ['shared', ...Array.from({ length: 60 }, (_, i) => `a${i}`)];
    inOrder.splice(inOrder.indexOf('a12'), 0, 'tie-1', 'tie-2', 'tie-3'); // at(1000) falls between a11 (960) and a12 (1020)
    expect(seen).toEqual(inOrder);
    expect(pages).toBe(Math.ceil(64 / 7));
  });

  it('refuses a cursor it did not write and a limit past 1,000 (the platform’s codes)', async () => {
    const nonsense = await get(`/v1/calls?${window}&cursor=nonsense`, agentToken('A'));
    expect([nonsense.status, nonsense.body.error]).toEqual([400, 'REQUEST.INVALID_CURSOR']);
    const otherList = Buffer.from(JSON.stringify(['A1001'])).toString('base64url'); // an agent-statistics cursor
    expect((await get(`/v1/calls?${window}&cursor=${otherList}`, t.token(['supervisor']))).body.error).toBe('REQUEST.INVALID_CURSOR');
    // Well-formed, but past what a Date or PostgreSQL takes: refused, not a failed query.
    for (const key of [[9e15, 'a1'], [-62_200_000_000_000, 'a1'], [0, 'a\u0000']]) {
      const res = await get(`/v1/calls?${window}&cursor=${encodeCursor(key)}`, t.token(['supervisor']));
      expect([key, res.status, res.body.error]).toEqual([key, 400, 'REQUEST.INVALID_CURSOR']);
    }
    const tooMany = await get(`/v1/calls?${window}&limit=1001`, agentToken('A'));
    expect([tooMany.status, tooMany.body.details[0]?.path]).toEqual([400, 'limit']);
  });
});
