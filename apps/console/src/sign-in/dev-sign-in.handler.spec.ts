import { DevSignInHandler } from './dev-sign-in.handler';
import { PeopleDirectory, type PeopleList } from './people-directory';
import { HUMAN_ROLES, personFromAgent, STAFF_PERSONAS } from './person';

const SECRET = 'a-dev-secret-of-16+chars';

class FixedPeople extends PeopleDirectory {
  list(): Promise<PeopleList> {
    return Promise.resolve({ people: [personFromAgent({ agentId: 'S02', name: '孙丽', role: 'supervisor', team: 'T2' }), ...STAFF_PERSONAS], agentsLoaded: true });
  }
}

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('development sign-in: the manager (issue 16)', () => {
  const handler = new DevSignInHandler(new FixedPeople(), SECRET);

  it('offers the manager role and the department head 李强 M01 among the staff', () => {
    expect(HUMAN_ROLES).toContain('manager');
    expect(STAFF_PERSONAS.find((p) => p.id === 'M01')).toEqual({ id: 'M01', name: '李强 Li Qiang', defaultRole: 'manager', source: 'staff' });
  });

  it('mints a manager token for M01: the subject, the role, no agent id', async () => {
    const r = await handler.execute({ personId: 'M01', role: 'manager' });
    expect(r.user).toEqual({ sub: 'M01', name: '李强 Li Qiang', roles: ['manager'], agentId: undefined });
    expect(claims(r.token)).toMatchObject({ sub: 'M01', roles: ['manager'] });
    expect(claims(r.token).agentId).toBeUndefined();
  });

  it('gives a supervisor from attendance their agent id, so “my scorecard” finds their card', async () => {
    const r = await handler.execute({ personId: 'S02', role: 'supervisor' });
    expect(claims(r.token)).toMatchObject({ sub: 'S02', roles: ['supervisor'], agentId: 'S02' });
  });
});
