import request from 'supertest';
import { mintToken } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import {
  agentUpsertedEvents, EVERYONE, OUTSIDE, runListRows, runSingleRows, T1, type Answer, type ListRow, type Persona, type SingleRow,
} from '../../../tests/support/team-scope-world';
import { call } from './facts';
import { startScoring, type ScoringHarness } from './scoring-harness';

const FORBIDDEN = '403 AUTH.FORBIDDEN';
const NOT_YOURS = '403 AUTH.NOT_YOUR_RECORD';
const PERIOD = '2026-10';

/**
 * Team scope in scoring (issue 17 item 8): a supervisor reads the scorecards of their own teams' people (the list
 * cut down, one card, its revisions and its calls refused outside) and runs the what-if over them; the manager,
 * hr, payroll and admin read everyone's, an agent their own.
 */
describe('scoring: scorecards by team', () => {
  let t: ScoringHarness;
  const send = async (method: 'get' | 'post', path: string, who: Persona, body?: unknown): Promise<Answer> => {
    const r = method === 'get' ? request(t.url).get(path) : request(t.url).post(path).send(body as object);
    const res = await r.set('Authorization', `Bearer ${mintToken(TEST_JWT_SECRET, who)}`);
    return { status: res.status, body: res.body };
  };
  let policy: unknown;

  beforeAll(async () => {
    t = await startScoring();
    await t.feed(...agentUpsertedEvents().map((payload) => ({ subject: 'attendance.agent.upserted', payload })));
    await t.feed(call('c-A1', 'A1', '2026-10-05T01:00:00Z'), call('c-A3', 'A3', '2026-10-05T02:00:00Z'));
    policy = (await t.get('/v1/policies', ['admin']).expect(200)).body.items[0].document;
  });
  afterAll(async () => t?.close());

  const everyoneReads: Partial<SingleRow['expect']> = {
    supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], manager: [200, 200], hr: [200, 200], payroll: [200, 200], admin: [200, 200],
    agent: [200, NOT_YOURS], qa: [FORBIDDEN, FORBIDDEN],
  };
  const single: SingleRow[] = [
    // A QA inspector reads a card of their team (their own, on the supervisor card): "my scorecard".
    { endpoint: 'GET /v1/scorecards/:agentId/:period', call: (who, agentId) => send('get', `/v1/scorecards/${agentId}/${PERIOD}`, who), expect: { ...everyoneReads, qa: [200, OUTSIDE] } },
    { endpoint: 'GET /v1/scorecards/:agentId/:period/revisions', call: (who, agentId) => send('get', `/v1/scorecards/${agentId}/${PERIOD}/revisions`, who), expect: everyoneReads },
    { endpoint: 'GET /v1/scorecards/:agentId/:period/calls', call: (who, agentId) => send('get', `/v1/scorecards/${agentId}/${PERIOD}/calls?kpi=offered`, who), expect: everyoneReads },
  ];

  const lists: ListRow[] = [
    {
      endpoint: 'GET /v1/scorecards?period=',
      ids: async (who) => ((await send('get', `/v1/scorecards?period=${PERIOD}`, who)).body.items as Array<{ agentId: string }>).map((c) => c.agentId),
      expect: { supervisor: T1, stranger: [], manager: EVERYONE, hr: EVERYONE, payroll: EVERYONE, admin: EVERYONE },
    },
    {
      endpoint: 'POST /v1/policies/simulate',
      ids: async (who) => ((await send('post', '/v1/policies/simulate', who, { period: PERIOD, policy })).body.agents as Array<{ agentId: string }>).map((a) => a.agentId),
      expect: { supervisor: T1, stranger: [], hr: EVERYONE, admin: EVERYONE },
    },
  ];

  it('answers one card, its revisions and its calls as the scope says, role by role, own team and other', async () => {
    const { seen, wanted } = await runSingleRows(single);
    expect(seen).toEqual(wanted);
  });

  it('cuts the month’s list and the what-if to the caller’s teams, totals over those alone', async () => {
    const { seen, wanted } = await runListRows(lists);
    expect(seen).toEqual(wanted);
    const mine = (await send('post', '/v1/policies/simulate', { sub: 'S01', roles: ['supervisor'] }, { period: PERIOD, policy })).body as { summary: { agents: number } };
    expect(mine.summary.agents).toBe(T1.length);
  });

  it('lets a supervisor open their own card (they are in their team)', async () => {
    expect((await send('get', `/v1/scorecards/S01/${PERIOD}`, { sub: 'S01', roles: ['supervisor'] })).status).toBe(200);
    expect((await send('get', `/v1/scorecards/S01/${PERIOD}`, { sub: 'S09', roles: ['supervisor'] })).body.error).toBe('AUTH.OUTSIDE_YOUR_TEAM');
  });
});
