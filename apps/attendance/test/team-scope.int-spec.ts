import request from 'supertest';
import { mintToken } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import {
  agentRecords, EVERYONE, OTHER, OUTSIDE, OWN, runListRows, runSingleRows, T1, T2, type Answer, type ListRow, type Persona, type SingleRow,
} from '../../../tests/support/team-scope-world';
import { startAttendance, type AttendanceHarness } from './attendance-harness';

const FORBIDDEN = '403 AUTH.FORBIDDEN';
const NOT_YOURS = '403 ATTENDANCE.NOT_YOUR_RECORD';

/**
 * Team scope in attendance (issue 17 item 8): role × endpoint × own/other team against the real service. A supervisor
 * (S01, team T1) and a QA inspector act on their own team only; hr, admin and payroll on everyone; an agent on
 * themself; a supervisor the directory does not know (S09) on nobody.
 */
describe('attendance: supervisors and QA act on their own teams only', () => {
  let t: AttendanceHarness;
  const as = (who: Persona) => `Bearer ${mintToken(TEST_JWT_SECRET, who)}`;
  const send = async (method: 'get' | 'post', path: string, who: Persona, body?: unknown): Promise<Answer> => {
    const r = method === 'get' ? request(t.url).get(path) : request(t.url).post(path).send(body as object);
    const res = await r.set('Authorization', as(who));
    return { status: res.status, body: res.body };
  };
  const HR: Persona = { sub: 'H01', roles: ['hr'] };
  let nextLeaveDay = 2;
  const leaveDay = () => `2026-11-${String(nextLeaveDay++).padStart(2, '0')}`;
  const swaps: Record<string, string> = {};

  beforeAll(async () => {
    t = await startAttendance();
    await request(t.url).post('/v1/agents').set('Authorization', as(HR)).send(agentRecords()).expect(200);
    // Rostered: everyone's 5 October (closed below); A1/A3 work the 12th and A2/A4 the 14th, for a swap within each team.
    const day = (agentId: string, date: string) => ({ agentId, date, shift: 'morning' });
    await request(t.url).post('/v1/rosters').set('Authorization', as(HR))
      .send([...['A1', 'A2', 'A3', 'A4'].map((a) => day(a, '2026-10-05')), day('A1', '2026-10-12'), day('A3', '2026-10-12'), day('A2', '2026-10-14'), day('A4', '2026-10-14')])
      .expect(200);
    await request(t.url).post('/v1/attendance/days/close').set('Authorization', as(HR)).send({ asOf: '2026-10-07T00:00:00+08:00' }).expect(200);
    // T2's own swap, requested and agreed by its agents, waiting for a supervisor.
    const a3 = { sub: 'A3', roles: ['agent'], agentId: 'A3' } satisfies Persona;
    const a4 = { sub: 'A4', roles: ['agent'], agentId: 'A4' } satisfies Persona;
    swaps[OTHER] = (await send('post', '/v1/shift-swaps', a3, { requesterId: 'A3', counterpartId: 'A4', date: '2026-10-12', paybackDate: '2026-10-14' })).body.swapId as string;
    await request(t.url).post(`/v1/shift-swaps/${swaps[OTHER]}/consent`).set('Authorization', as(a4)).send({}).expect(200);
  });
  afterAll(async () => t?.close());

  const single: SingleRow[] = [
    {
      endpoint: 'GET /v1/agents/:agentId',
      call: (who, agentId) => send('get', `/v1/agents/${agentId}`, who),
      expect: { supervisor: [200, OUTSIDE], qa: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], admin: [200, 200], payroll: [200, 200], agent: [200, NOT_YOURS] },
    },
    {
      endpoint: 'POST /v1/rosters (one day)',
      call: (who, agentId) => send('post', '/v1/rosters', who, [{ agentId, date: '2026-10-20', shift: 'morning' }]),
      expect: {
        supervisor: [200, '400 ATTENDANCE.ITEMS_REJECTED'], stranger: ['400 ATTENDANCE.ITEMS_REJECTED', '400 ATTENDANCE.ITEMS_REJECTED'], hr: [200, 200],
        qa: [FORBIDDEN, FORBIDDEN], agent: [FORBIDDEN, FORBIDDEN],
      },
    },
    {
      endpoint: 'GET /v1/rosters?agentId=',
      call: (who, agentId) => send('get', `/v1/rosters?period=2026-10&agentId=${agentId}`, who),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], admin: [200, 200], payroll: [200, 200], agent: [200, 200], qa: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/leave',
      call: (who, agentId) => {
        const day = leaveDay();
        return send('post', '/v1/leave', who, { agentId, type: 'annual', from: day, to: day });
      },
      expect: { supervisor: [201, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [201, 201], agent: [201, NOT_YOURS], qa: [FORBIDDEN, FORBIDDEN], admin: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/leave/:leaveId/decision',
      call: async (who, agentId) => {
        const day = leaveDay();
        const { leaveId } = (await send('post', '/v1/leave', HR, { agentId, type: 'annual', from: day, to: day })).body as { leaveId: string };
        return send('post', `/v1/leave/${leaveId}/decision`, who, { approve: true });
      },
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], qa: [FORBIDDEN, FORBIDDEN], admin: [FORBIDDEN, FORBIDDEN], agent: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'GET /v1/leave?agentId=',
      call: (who, agentId) => send('get', `/v1/leave?period=2026-11&agentId=${agentId}`, who),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], admin: [200, 200], payroll: [200, 200], agent: [200, 200] },
    },
    {
      endpoint: 'POST /v1/shift-swaps',
      call: async (who, agentId, persona) => {
        const [requesterId, counterpartId] = agentId === OWN ? ['A1', 'A2'] : ['A3', 'A4'];
        const res = await send('post', '/v1/shift-swaps', who, { requesterId, counterpartId, date: '2026-10-12', paybackDate: '2026-10-14' });
        if (persona === 'supervisor' && res.status === 201) swaps[OWN] = res.body.swapId as string;
        return res;
      },
      // The own agent filing for themself would be A1's second swap (the swap rules, not the scope): not asked.
      expect: { stranger: [OUTSIDE, OUTSIDE], supervisor: [201, OUTSIDE], agent: [null, '403 ATTENDANCE.NOT_YOUR_RECORD'], hr: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'POST /v1/shift-swaps/:swapId/decision',
      call: async (who, agentId) => {
        if (agentId === OWN) await request(t.url).post(`/v1/shift-swaps/${swaps[OWN]}/consent`).set('Authorization', as({ sub: 'A2', roles: ['agent'], agentId: 'A2' })).send({});
        return send('post', `/v1/shift-swaps/${swaps[agentId]}/decision`, who, { approve: true });
      },
      expect: { stranger: [OUTSIDE, OUTSIDE], supervisor: [200, OUTSIDE], hr: [FORBIDDEN, FORBIDDEN], qa: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'GET /v1/shift-swaps?agentId=',
      call: (who, agentId) => send('get', `/v1/shift-swaps?agentId=${agentId}`, who),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], payroll: [200, 200], admin: [200, 200] },
    },
    {
      endpoint: 'POST /v1/attendance/days/:agentId/:date/correction',
      call: (who, agentId) => send('post', `/v1/attendance/days/${agentId}/2026-10-05/correction`, who, { status: 'present', reason: '打卡机故障 / badge reader down' }),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], qa: [FORBIDDEN, FORBIDDEN], admin: [FORBIDDEN, FORBIDDEN], agent: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'GET /v1/attendance/days/:agentId/:date',
      call: (who, agentId) => send('get', `/v1/attendance/days/${agentId}/2026-10-05`, who),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], admin: [200, 200], payroll: [200, 200], agent: [200, NOT_YOURS], qa: [FORBIDDEN, FORBIDDEN] },
    },
    {
      endpoint: 'GET /v1/attendance/summary?agentId=',
      call: (who, agentId) => send('get', `/v1/attendance/summary?period=2026-10&agentId=${agentId}`, who),
      expect: { supervisor: [200, OUTSIDE], stranger: [OUTSIDE, OUTSIDE], hr: [200, 200], admin: [200, 200], payroll: [200, 200], agent: [200, NOT_YOURS], qa: [FORBIDDEN, FORBIDDEN] },
    },
  ];

  const ids = (rows: unknown, key = 'agentId') => (rows as Array<Record<string, string>>).map((r) => r[key]);
  /** Every item of a list, two a page: the scope cuts each page in its query, so no page is short and none leaks. */
  const everyPage = async (path: string, who: Persona): Promise<unknown[]> => {
    const items: unknown[] = [];
    for (let cursor: string | null = null, pages = 0; ; pages++) {
      const res = await send('get', `${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`, who);
      expect(res.status).toBe(200);
      const page = res.body as { items: unknown[]; nextCursor: string | null };
      items.push(...page.items);
      if (page.nextCursor === null) return items;
      expect([page.items.length, pages < 20]).toEqual([2, true]);
      cursor = page.nextCursor;
    }
  };
  const lists: ListRow[] = [
    {
      endpoint: 'GET /v1/agents',
      ids: async (who) => ids(await everyPage('/v1/agents', who)),
      expect: { supervisor: T1, qa: T1, stranger: [], hr: EVERYONE, admin: EVERYONE, payroll: EVERYONE },
    },
    {
      endpoint: 'GET /v1/agents?team=T2',
      ids: async (who) => ids(await everyPage('/v1/agents?team=T2', who)),
      expect: { supervisor: [], hr: T2 },
    },
    {
      endpoint: 'GET /v1/rosters?period=',
      ids: async (who) => ids(await everyPage('/v1/rosters?period=2026-10', who)),
      expect: { supervisor: ['A1', 'A2'], stranger: [], hr: ['A1', 'A2', 'A3', 'A4'], payroll: ['A1', 'A2', 'A3', 'A4'], agent: ['A1'] },
    },
    {
      endpoint: 'GET /v1/leave?period=',
      ids: async (who) => ids(await everyPage('/v1/leave?period=2026-11', who)),
      expect: { supervisor: ['A1'], stranger: [], hr: ['A1', 'A3'], admin: ['A1', 'A3'], agent: ['A1'] },
    },
    {
      endpoint: 'GET /v1/shift-swaps',
      ids: async (who) => ids(await everyPage('/v1/shift-swaps', who), 'requesterId'),
      expect: { supervisor: ['A1'], stranger: [], hr: ['A1', 'A3'], agent: ['A1'] },
    },
    {
      endpoint: 'GET /v1/attendance/summary?period=',
      ids: async (who) => ids(await everyPage('/v1/attendance/summary?period=2026-10', who)),
      expect: { supervisor: ['A1', 'A2'], stranger: [], hr: ['A1', 'A2', 'A3', 'A4'], payroll: ['A1', 'A2', 'A3', 'A4'], agent: ['A1'] },
    },
  ];

  it('answers every role × endpoint × own/other-team request as the scope says', async () => {
    const { seen, wanted, cells } = await runSingleRows(single);
    expect(seen).toEqual(wanted);
    expect(cells).toBeGreaterThan(100);
  });

  it('lists only the people of the caller’s own teams (hr, admin, payroll: everyone; an agent: themself)', async () => {
    const { seen, wanted } = await runListRows(lists);
    expect(seen).toEqual(wanted);
  });

  it('takes a mixed roster batch: the own team’s day, the other team’s refused by index with AUTH.OUTSIDE_YOUR_TEAM', async () => {
    const res = await send('post', '/v1/rosters', { sub: 'S01', roles: ['supervisor'] }, [{ agentId: OWN, date: '2026-10-21', shift: 'morning' }, { agentId: OTHER, date: '2026-10-21', shift: 'morning' }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, rejected: [{ index: 1, code: 'AUTH.OUTSIDE_YOUR_TEAM', errors: [{ path: 'rosters[1].agentId' }] }] });
    const outside = await send('get', `/v1/agents/${OTHER}`, { sub: 'S01', roles: ['supervisor'] });
    expect(outside.body).toEqual({ error: 'AUTH.OUTSIDE_YOUR_TEAM', message: expect.stringMatching(/A3 .*不在您负责的班组/), details: [] });
  });

  it('scopes a caller by the roles the route admitted them with: supervisor + payroll decides leave as a supervisor, reads as payroll', async () => {
    const both: Persona = { sub: 'S01', roles: ['supervisor', 'payroll'] };
    const day = leaveDay();
    const { leaveId } = (await send('post', '/v1/leave', HR, { agentId: OTHER, type: 'annual', from: day, to: day })).body as { leaveId: string };
    expect((await send('post', `/v1/leave/${leaveId}/decision`, both, { approve: true })).body.error).toBe('AUTH.OUTSIDE_YOUR_TEAM');
    expect((await send('get', `/v1/agents/${OTHER}`, both)).status).toBe(200);
  });
});
