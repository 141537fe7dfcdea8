import request from 'supertest';
import { mintToken } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import {
  agentUpsertedEvents, OUTSIDE, PEOPLE, runListRows, runSingleRows, type Answer, type ListRow, type Persona, type SingleRow,
} from '../../../tests/support/team-scope-world';
import { waitFor } from '../../../tests/support/wait-for';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

const FORBIDDEN = '403 AUTH.FORBIDDEN';

/**
 * Team scope in telephony-events (issue 17 item 8): its copy of attendance's directory (fed by
 * attendance.agent.upserted) cuts a supervisor's agent statistics to their own teams, and one agent's call list
 * is refused outside them. Whole calls and queue figures stay open to supervisors and QA.
 */
describe('telephony-events: agent statistics and call lists by team', () => {
  let t: TelephonyHarness;
  const base = Date.now() - 3 * 86_400_000;
  const at = (s: number) => new Date(base + s * 1000).toISOString();
  const window = `from=${encodeURIComponent(new Date(base - 60_000).toISOString())}&to=${encodeURIComponent(new Date(base + 86_400_000).toISOString())}`;
  const send = async (path: string, who: Persona): Promise<Answer> => {
    const res = await request(t.url).get(path).set('Authorization', `Bearer ${mintToken(TEST_JWT_SECRET, who)}`);
    return { status: res.status, body: res.body };
  };

  beforeAll(async () => {
    t = await startTelephony();
    for (const e of agentUpsertedEvents()) await t.js.publish('attendance.agent.upserted', e, e.eventId);
    // One answered call per agent of both teams.
    const calls = ['A1', 'A2', 'A3', 'A4'].flatMap((agentId, i) => [
      { eventId: `${agentId}-o`, callId: `call-${agentId}`, type: 'call.offered', occurredAt: at(i * 600), agentId, queue: 'sales', data: {} },
      { eventId: `${agentId}-a`, callId: `call-${agentId}`, type: 'call.answered', occurredAt: at(i * 600 + 5), agentId, queue: 'sales', data: {} },
      { eventId: `${agentId}-e`, callId: `call-${agentId}`, type: 'call.ended', occurredAt: at(i * 600 + 65), agentId, data: { endedBy: 'caller' } },
    ]);
    await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(calls).expect(202);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.agent_team`)).length === PEOPLE.length, 'telephony’s copy of the directory');
    await waitFor(
      async () => ((await send(`/v1/agents/stats?${window}`, { sub: 'ADM', roles: ['admin'] })).body.items as unknown[] | undefined)?.length === 4,
      'every agent’s statistics',
    );
  });
  afterAll(async () => t?.close());

  const single: SingleRow[] = [
    {
      endpoint: 'GET /v1/calls?agentId=',
      call: (who, agentId) => send(`/v1/calls?${window}&agentId=${agentId}`, who),
      expect: {
        supervisor: [200, OUTSIDE], qa: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], admin: [200, 200], agent: [200, '403 TELEPHONY.NOT_YOUR_CALLS'],
        hr: [FORBIDDEN, FORBIDDEN], manager: [FORBIDDEN, FORBIDDEN],
      },
    },
  ];

  const lists: ListRow[] = [
    {
      endpoint: 'GET /v1/agents/stats',
      ids: async (who) => ((await send(`/v1/agents/stats?${window}`, who)).body.items as Array<{ agentId: string }>).map((a) => a.agentId),
      expect: { supervisor: ['A1', 'A2'], stranger: [], admin: ['A1', 'A2', 'A3', 'A4'] },
    },
    {
      endpoint: 'GET /v1/calls (every call: not cut)',
      ids: async (who) => ((await send(`/v1/calls?${window}`, who)).body.items as Array<{ legs: Array<{ agentId: string }> }>).flatMap((c) => c.legs.map((l) => l.agentId)),
      expect: { supervisor: ['A1', 'A2', 'A3', 'A4'], qa: ['A1', 'A2', 'A3', 'A4'], agent: ['A1'] },
    },
  ];

  it('refuses one agent’s calls outside the caller’s teams', async () => {
    const { seen, wanted } = await runSingleRows(single);
    expect(seen).toEqual(wanted);
  });

  it('cuts agent statistics to the caller’s teams; QA may not read them at all', async () => {
    const { seen, wanted } = await runListRows(lists);
    expect(seen).toEqual(wanted);
    expect((await send(`/v1/agents/stats?${window}`, { sub: 'Q01', roles: ['qa'] })).body.error).toBe('AUTH.FORBIDDEN');
    // The cut is made before the page: one a page gives S01 both of their people, and no empty page after.
    const first = await send(`/v1/agents/stats?${window}&limit=1`, { sub: 'S01', roles: ['supervisor'] });
    const second = await send(`/v1/agents/stats?${window}&limit=1&cursor=${(first.body as { nextCursor: string }).nextCursor}`, { sub: 'S01', roles: ['supervisor'] });
    expect([first.body, second.body].map((b) => [(b as { items: Array<{ agentId: string }> }).items.map((a) => a.agentId), (b as { nextCursor: string | null }).nextCursor === null]))
      .toEqual([[['A1'], false], [['A2'], true]]);
  });

  it('keeps the highest version of a person: a move to T2 takes A2 out of S01’s statistics', async () => {
    const [a2] = agentUpsertedEvents().filter((e) => e.agentId === 'A2');
    await t.js.publish('attendance.agent.upserted', { ...a2, eventId: 'team-scope-A2-v2', team: 'T2', supervisorId: 'S02', version: 2 }, 'team-scope-A2-v2');
    await t.js.publish('attendance.agent.upserted', { ...a2, eventId: 'team-scope-A2-v0', version: 0 }, 'team-scope-A2-v0'); // late and older: ignored
    const supervised = async () => ((await send(`/v1/agents/stats?${window}`, { sub: 'S01', roles: ['supervisor'] })).body.items as Array<{ agentId: string }>).map((a) => a.agentId);
    await waitFor(async () => (await supervised()).join() === 'A1', 'A2 to leave S01’s teams');
    await waitFor(async () => (await t.env.query<{ n: number }>(`SELECT count(*)::int AS n FROM telephony.inbox_message`))[0].n >= PEOPLE.length + 2, 'both events handled');
    expect(await supervised()).toEqual(['A1']);
  });
});
