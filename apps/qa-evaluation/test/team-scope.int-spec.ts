import { DateTime } from 'luxon';
import request from 'supertest';
import { mintToken, reaches, SqlTeamDirectory, TeamScope, type AuthenticatedUser, type Reach } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import {
  agentUpsertedEvents, OTHER, OUTSIDE, OWN, runListRows, runSingleRows, type Answer, type ListRow, type Persona, type SingleRow,
} from '../../../tests/support/team-scope-world';
import { callerReachesSql, callerReachOf } from '../src/store/caller-reach';
import { reachCondition } from '../src/store/keyset';
import { callQaAnswers } from './fixtures';
import { startQa, type QaHarness } from './qa-harness';

const FORBIDDEN = '403 AUTH.FORBIDDEN';
const NOT_YOURS = '403 QA.NOT_YOURS';
const SCORES = { initiative: 12, responsibility: 8, 'service-awareness': 9, 'communication-results': 14, learning: 7, 'team-spirit': 10 };
/** Last month, ended: appraisals for it are open. */
const PERIOD = DateTime.now().setZone('Asia/Shanghai').minus({ months: 1 }).toFormat('yyyy-MM');

/**
 * Team scope in qa-evaluation (issue 17 item 8): role × endpoint × own/other team against the real service. S01
 * (supervisor) and Q01 (QA inspector) act on team T1; S02 and Q02 on T2 (used to arrange T2's records); the
 * manager, hr, admin and payroll on everyone their routes admit; an agent on themself.
 */
describe('qa-evaluation: supervisors and QA inspectors act on their own teams only', () => {
  let t: QaHarness;
  const send = async (method: 'get' | 'post', path: string, who: Persona, body?: unknown): Promise<Answer> => {
    const r = method === 'get' ? request(t.url).get(path) : request(t.url).post(path).send(body as object);
    const res = await r.set('Authorization', `Bearer ${mintToken(TEST_JWT_SECRET, who)}`);
    return { status: res.status, body: res.body };
  };
  const qaOf = (agentId: string): Persona => ({ sub: agentId === OWN ? 'Q01' : 'Q02', roles: ['qa'] });
  const supervisorOf = (agentId: string): Persona => ({ sub: agentId === OWN ? 'S01' : 'S02', roles: ['supervisor'] });
  const agentAs = (agentId: string): Persona => ({ sub: agentId, roles: ['agent'], agentId });
  let calls = 0;
  const evaluate = (who: Persona, agentId: string, over: Record<string, number> = {}) =>
    send('post', '/v1/evaluations', who, { callId: `ts-call-${++calls}`, agentId, formId: 'call-qa', formVersion: 1, answers: callQaAnswers(over) });
  /** An evaluation of `agentId` by their team's QA inspector, released when asked. */
  const evaluation = async (agentId: string, release = false, over: Record<string, number> = {}): Promise<string> => {
    const { body } = await evaluate(qaOf(agentId), agentId, over);
    if (release) await send('post', `/v1/evaluations/${body.evaluationId as string}/release`, qaOf(agentId));
    return body.evaluationId as string;
  };
  const complaint = async (agentId: string | null, by: Persona): Promise<string> =>
    (await send('post', '/v1/complaints', by, { receivedAt: '2026-10-03T09:00:00+08:00', channel: 'phone', summary: '投诉 / complaint', ...(agentId ? { agentId } : {}) })).body.complaintId as string;
  const record = async (agentId: string): Promise<string> =>
    (await send('post', '/v1/conduct-records', supervisorOf(agentId), { agentId, code: 'NOISE', occurredAt: '2026-10-09T11:00:00+08:00', note: '喧哗' })).body.recordId as string;
  const released: Record<string, string> = {};
  const records: Record<string, string> = {};
  const complaints: Record<string, string> = {};

  beforeAll(async () => {
    t = await startQa();
    await t.directory(agentUpsertedEvents());
    for (const a of [OWN, OTHER]) {
      released[a] = await evaluation(a, true);
      records[a] = await record(a);
      complaints[a] = await complaint(a, supervisorOf(a));
      await send('post', '/v1/appraisals', supervisorOf(a), { agentId: a, period: PERIOD, scores: SCORES });
    }
    await complaint(null, { sub: 'Q01', roles: ['qa'] }); // about nobody yet: every supervisor and QA inspector sees it
  });
  afterAll(async () => t?.close());

  const reads = { supervisor: [200, OUTSIDE], qa: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], manager: [200, 200], hr: [200, 200], admin: [200, 200], payroll: [200, 200], agent: [200, NOT_YOURS] } satisfies SingleRow['expect'];
  const single: SingleRow[] = [
    {
      endpoint: 'POST /v1/evaluations',
      call: (who, agentId) => evaluate(who, agentId),
      expect: { qa: [201, OUTSIDE], supervisor: [FORBIDDEN, FORBIDDEN], hr: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/evaluations/:id/release',
      call: async (who, agentId) => send('post', `/v1/evaluations/${await evaluation(agentId)}/release`, who),
      expect: { qa: [200, OUTSIDE], supervisor: [FORBIDDEN, FORBIDDEN], admin: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/evaluations/:id/void',
      call: async (who, agentId) => send('post', `/v1/evaluations/${await evaluation(agentId)}/void`, who, { reason: '重复质检 / evaluated twice' }),
      expect: { qa: [200, OUTSIDE], admin: [200, 200], supervisor: [FORBIDDEN, FORBIDDEN] },
    },
    { endpoint: 'GET /v1/evaluations/:id', call: (who, agentId) => send('get', `/v1/evaluations/${released[agentId]}`, who), expect: reads },
    {
      endpoint: 'GET /v1/evaluations/:id/disputes',
      call: (who, agentId) => send('get', `/v1/evaluations/${released[agentId]}/disputes`, who),
      expect: { ...reads, payroll: [FORBIDDEN, FORBIDDEN] },
    },
    { endpoint: 'GET /v1/evaluations?agentId=', call: (who, agentId) => send('get', `/v1/evaluations?agentId=${agentId}`, who), expect: reads },
    {
      endpoint: 'POST /v1/disputes/:id/decision',
      call: async (who, agentId) => {
        const id = await evaluation(agentId, true, { 'complete-answer': 2 });
        const { disputeId } = (await send('post', `/v1/evaluations/${id}/disputes`, agentAs(agentId), { itemId: 'complete-answer', reason: '已完整答复' })).body as { disputeId: string };
        return send('post', `/v1/disputes/${disputeId}/decision`, who, { outcome: 'rejected', reason: '录音核实 / on the recording' });
      },
      // Three disputes per agent a month (the policy's maximum): one for each of these.
      expect: { qa: [200, OUTSIDE], supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE] },
    },
    {
      endpoint: 'POST /v1/appraisals',
      call: (who, agentId) => send('post', '/v1/appraisals', who, { agentId, period: PERIOD, scores: SCORES }),
      expect: {
        supervisor: [201, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], qa: [FORBIDDEN, FORBIDDEN],
        manager: ['403 QA.APPRAISAL_ROLE_FORBIDDEN', '403 QA.APPRAISAL_ROLE_FORBIDDEN'], // the department head appraises supervisors and QA, not agents
      },
    },
    {
      endpoint: 'GET /v1/appraisals?agentId=',
      call: (who, agentId) => send('get', `/v1/appraisals?agentId=${agentId}`, who),
      expect: { ...reads, qa: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/conduct-records',
      call: (who, agentId) => send('post', '/v1/conduct-records', who, { agentId, code: 'NOISE', occurredAt: '2026-10-10T11:00:00+08:00', note: '喧哗' }),
      expect: { supervisor: [201, OUTSIDE], qa: [201, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [FORBIDDEN, FORBIDDEN], manager: [FORBIDDEN, FORBIDDEN] },
    },
    { endpoint: 'GET /v1/conduct-records/:id', call: (who, agentId) => send('get', `/v1/conduct-records/${records[agentId]}`, who), expect: reads },
    { endpoint: 'GET /v1/conduct-records?agentId=', call: (who, agentId) => send('get', `/v1/conduct-records?agentId=${agentId}`, who), expect: reads },
    {
      endpoint: 'POST /v1/complaints',
      call: (who, agentId) => send('post', '/v1/complaints', who, { receivedAt: '2026-10-04T09:00:00+08:00', channel: 'email', summary: '未回电', agentId }),
      expect: { supervisor: [201, OUTSIDE], qa: [201, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/complaints/:id/judgement',
      call: async (who, agentId) => send('post', `/v1/complaints/${await complaint(agentId, supervisorOf(agentId))}/judgement`, who, { valid: true, category: 'attitude', reason: '录音核实' }),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], qa: [FORBIDDEN, FORBIDDEN], manager: [FORBIDDEN, FORBIDDEN] },
    },
    { endpoint: 'GET /v1/complaints/:id', call: (who, agentId) => send('get', `/v1/complaints/${complaints[agentId]}`, who), expect: reads },
    { endpoint: 'GET /v1/complaints?agentId=', call: (who, agentId) => send('get', `/v1/complaints?agentId=${agentId}`, who), expect: reads },
  ];

  const agentsOf = (page: unknown) => (page as { items: Array<{ agentId: string | null }> }).items.map((r) => r.agentId ?? '(nobody)');
  const ALL = ['A1', 'A3'];
  const lists: ListRow[] = [
    {
      endpoint: 'GET /v1/evaluations',
      ids: async (who) => agentsOf((await send('get', '/v1/evaluations', who)).body),
      expect: { supervisor: ['A1'], qa: ['A1'], stranger: [], manager: ALL, hr: ALL, admin: ALL, payroll: ALL, agent: ['A1'] },
    },
    {
      endpoint: 'GET /v1/conduct-records',
      ids: async (who) => agentsOf((await send('get', '/v1/conduct-records', who)).body),
      expect: { supervisor: ['A1'], qa: ['A1'], stranger: [], manager: ALL, hr: ALL, payroll: ALL, agent: ['A1'] },
    },
    {
      endpoint: 'GET /v1/appraisals?period=',
      ids: async (who) => agentsOf((await send('get', `/v1/appraisals?period=${PERIOD}`, who)).body),
      expect: { supervisor: ['A1'], stranger: [], manager: ALL, hr: ALL, admin: ALL, agent: ['A1'] },
    },
    {
      endpoint: 'GET /v1/complaints',
      ids: async (who) => agentsOf((await send('get', '/v1/complaints', who)).body),
      expect: { supervisor: ['(nobody)', 'A1'], qa: ['(nobody)', 'A1'], stranger: ['(nobody)'], manager: ['(nobody)', ...ALL], hr: ['(nobody)', ...ALL], agent: ['A1'] },
    },
  ];

  it('answers every role × endpoint × own/other-team request as the scope says', async () => {
    const { seen, wanted, cells } = await runSingleRows(single);
    expect(seen).toEqual(wanted);
    expect(cells).toBeGreaterThan(100);
  });

  it('lists only what is about the caller’s own teams (a complaint about nobody yet: everyone’s)', async () => {
    const { seen, wanted } = await runListRows(lists);
    expect(seen).toEqual(wanted);
  });

  it('cuts a page in the database by the rule TeamScope applies (reaches), so every page but the last is full', async () => {
    const people = await t.env.query<{ agent_id: string; team: string | null }>(`SELECT agent_id, team FROM qa.agent`);
    const teamOf = new Map(people.map((p) => [p.agent_id, p.team]));
    const ids = [...teamOf.keys(), 'NOT-IN-DIRECTORY', 'S09'];
    const cases: Reach[] = [
      { all: true }, { all: false, self: null, teams: new Set(['T1']) }, { all: false, self: 'NOT-IN-DIRECTORY', teams: new Set() },
      { all: false, self: OWN, teams: new Set(['T2', 'T9']) }, { all: false, self: null, teams: new Set() },
    ];
    for (const reach of cases) {
      const { sql, params } = reachCondition(reach, 'x.id', 2);
      const rows = await t.env.query<{ id: string }>(`SELECT x.id FROM unnest($1::text[]) AS x(id) WHERE ${sql}`, [ids, ...params]);
      expect(rows.map((r) => r.id).sort()).toEqual(ids.filter((id) => reaches(reach, id, teamOf.get(id))).sort());
    }
    // S01's evaluations a row at a time: T2's, created in between, never leave a page short
    const S01: Persona = { sub: 'S01', roles: ['supervisor'] };
    const whole = (await send('get', '/v1/evaluations?limit=1000', S01)).body as { items: Array<{ agentId: string; evaluationId: string }> };
    expect(new Set(whole.items.map((e) => e.agentId))).toEqual(new Set([OWN]));
    const seen: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
      const page = (await send('get', `/v1/evaluations?limit=1${cursor ? `&cursor=${cursor}` : ''}`, S01)).body as { items: Array<{ evaluationId: string }>; nextCursor: string | null };
      if (page.nextCursor !== null) expect(page.items).toHaveLength(1);
      seen.push(...page.items.map((e) => e.evaluationId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(whole.items.map((e) => e.evaluationId));
  });

  it('checks a submission’s reach in its own statement by the rule TeamScope applies (callerReachesSql)', async () => {
    // Beside the world: a report who left, records with no or a blank team, and L3, who left but still has a report.
    await t.env.query(
      `INSERT INTO qa.agent (agent_id, name, team, role, supervisor_id, active, version) VALUES
         ('X-LEFT', 'x', 'T3', 'agent', 'S01', false, 1), ('X-BLANK', 'x', '', 'agent', 'S01', true, 1), ('X-NONE', 'x', null, 'agent', 'S01', true, 1),
         ('L3', 'x', 'T4', 'supervisor', null, false, 1), ('X-T3', 'x', 'T3', 'agent', 'L3', true, 1), ('X-T4', 'x', 'T4', 'agent', null, true, 1)`,
    );
    const scope = new TeamScope(new SqlTeamDirectory((sql, params) => t.env.query(sql, params), { table: 'qa.agent' }));
    const ids = [...(await t.env.query<{ agent_id: string }>(`SELECT agent_id FROM qa.agent`)).map((r) => r.agent_id), 'NOT-IN-DIRECTORY'];
    const callers: AuthenticatedUser[] = [
      { sub: 'Q01', roles: ['qa'] }, { sub: 'Q02', roles: ['qa'] }, { sub: 'S01', roles: ['supervisor'] }, { sub: 'S02', roles: ['supervisor'] },
      { sub: 'S09', roles: ['qa'] }, { sub: 'L3', roles: ['supervisor'] }, { sub: 'H01', roles: ['hr'] }, { sub: 'A1', roles: ['agent'], agentId: 'A1' },
      { sub: 'S02', roles: ['agent', 'supervisor'], agentId: 'S02' }, { sub: 'Q01', roles: ['qa', 'admin'], actingRoles: ['qa'] },
    ];
    for (const caller of callers) {
      const { sql, params } = callerReachesSql(callerReachOf(caller), 'x.id', 2);
      const rows = await t.env.query<{ id: string }>(`SELECT x.id FROM unnest($1::text[]) AS x(id) WHERE ${sql}`, [ids, ...params]);
      const reach = await scope.reachOf(caller);
      const outside = new Set(await scope.outside(reach, ids));
      expect([caller.sub, rows.map((r) => r.id).sort()]).toEqual([caller.sub, ids.filter((id) => !outside.has(id)).sort()]);
    }
  });

  it('judges a complaint about nobody yet only by attributing it inside the team; never moves one out of another team', async () => {
    const S01: Persona = { sub: 'S01', roles: ['supervisor'] };
    const judge = (id: string, agentId: string) => send('post', `/v1/complaints/${id}/judgement`, S01, { valid: true, agentId, category: 'process', reason: '核实' });
    const loose = await complaint(null, S01);
    expect((await judge(loose, OTHER)).body.error).toBe('AUTH.OUTSIDE_YOUR_TEAM');
    expect((await judge(loose, OWN)).status).toBe(200);
    expect((await judge(await complaint(OTHER, { sub: 'S02', roles: ['supervisor'] }), OWN)).body.error).toBe('AUTH.OUTSIDE_YOUR_TEAM');
  });

  it('lets the manager appraise the leads of every team', async () => {
    const manager: Persona = { sub: 'M01', roles: ['manager'] };
    expect((await send('post', '/v1/appraisals', manager, { agentId: 'S01', period: PERIOD, scores: SCORES })).status).toBe(201);
    expect((await send('post', '/v1/appraisals', manager, { agentId: 'Q02', period: PERIOD, scores: SCORES })).status).toBe(201);
    expect((await send('post', '/v1/appraisals', { sub: 'S01', roles: ['supervisor'] }, { agentId: 'Q02', period: PERIOD, scores: SCORES })).body.error).toBe('QA.APPRAISAL_ROLE_FORBIDDEN');
  });
});
