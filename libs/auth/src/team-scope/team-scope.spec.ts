import type { AuthenticatedUser } from '../authenticated-user';
import { NotYourRecordError, OutsideTeamError } from './outside-team.error';
import { TeamDirectory } from './team-directory';
import { reaches, scopeKindOf, teamsLedBy, type DirectoryEntry } from './team-rule';
import { TeamScope } from './team-scope';

const e = (agentId: string, team: string | null, supervisorId: string | null, active = true): DirectoryEntry => ({ agentId, team, supervisorId, active });

/** T1: S01 and A1, A2; T2: S02's A3, A4; T3: A5 reports to S01 too; A6 (T4) left; Q01 is the QA inspector of T2. */
const PEOPLE = [
  e('S01', 'T1', null), e('A1', 'T1', 'S01'), e('A2', 'T1', 'S01'), e('A3', 'T2', 'S02'), e('A4', 'T2', 'S02'),
  e('A5', 'T3', 'S01'), e('A6', 'T4', 'S01', false), e('Q01', 'T2', null),
];

class MemoryDirectory extends TeamDirectory {
  lookups = 0;
  constructor(private readonly people: DirectoryEntry[]) {
    super();
  }
  async entries(agentIds: readonly string[]): Promise<DirectoryEntry[]> {
    this.lookups++;
    return this.people.filter((p) => agentIds.includes(p.agentId));
  }
  async around(personId: string): Promise<DirectoryEntry[]> {
    return this.people.filter((p) => p.agentId === personId || p.supervisorId === personId);
  }
}

const who = (sub: string, roles: AuthenticatedUser['roles'], extra: Partial<AuthenticatedUser> = {}): AuthenticatedUser => ({ sub, roles, ...extra });

describe('team rule (pure)', () => {
  it('sorts roles into all, teams and self; the widest wins', () => {
    for (const r of ['hr', 'manager', 'admin', 'payroll', 'telephony', 'clock'] as const) expect(scopeKindOf([r])).toBe('all');
    expect(scopeKindOf(['supervisor'])).toBe('teams');
    expect(scopeKindOf(['qa'])).toBe('teams');
    expect(scopeKindOf(['agent', 'supervisor'])).toBe('teams');
    expect(scopeKindOf(['supervisor', 'hr'])).toBe('all');
    expect(scopeKindOf(['agent'])).toBe('self');
  });

  it("a leader's teams: their own record's and their reports', active records only", () => {
    expect([...teamsLedBy('S01', PEOPLE)].sort()).toEqual(['T1', 'T3']);
    expect([...teamsLedBy('S02', PEOPLE)]).toEqual(['T2']); // not in the directory, led by reports alone
    expect([...teamsLedBy('Q01', PEOPLE)]).toEqual(['T2']); // own record only
    expect([...teamsLedBy('S09', PEOPLE)]).toEqual([]); // unknown, nobody reports: no team
    expect([...teamsLedBy('S01', [e('S01', 'T1', null, false)])]).toEqual([]); // left
  });

  it('reaches: all, self, or a team the caller leads; an unknown person is outside', () => {
    const reach = { all: false as const, self: 'A9', teams: new Set(['T1']) };
    expect(reaches(reach, 'A1', 'T1')).toBe(true);
    expect(reaches(reach, 'A3', 'T2')).toBe(false);
    expect(reaches(reach, 'A9', undefined)).toBe(true);
    expect(reaches(reach, 'X', undefined)).toBe(false);
    expect(reaches(reach, 'X', null)).toBe(false);
    expect(reaches({ all: true }, 'X', undefined)).toBe(true);
  });
});

describe('TeamScope', () => {
  const directory = new MemoryDirectory(PEOPLE);
  const scope = new TeamScope(directory);
  const S01 = who('S01', ['supervisor']);

  it('lets a supervisor act on their teams and refuses others with AUTH.OUTSIDE_YOUR_TEAM', async () => {
    await expect(scope.assertReaches(S01, ['A1', 'A2', 'A5', 'S01'])).resolves.toBeUndefined();
    const refused = await scope.assertReaches(S01, ['A1', 'A3', 'NEW']).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(OutsideTeamError);
    expect((refused as OutsideTeamError).getStatus()).toBe(403);
    expect((refused as OutsideTeamError).getResponse()).toEqual({ code: 'AUTH.OUTSIDE_YOUR_TEAM', message: expect.stringMatching(/A3, NEW .*班组/) });
    await expect(scope.assertReaches(S01, 'A6')).rejects.toBeInstanceOf(OutsideTeamError); // T4 opens no team: A6 left
  });

  it('scopes a QA inspector like a supervisor, and refuses everyone to a supervisor the directory does not know', async () => {
    await expect(scope.assertReaches(who('Q01', ['qa']), 'A3')).resolves.toBeUndefined();
    await expect(scope.assertReaches(who('Q01', ['qa']), 'A1')).rejects.toBeInstanceOf(OutsideTeamError);
    await expect(scope.assertReaches(who('S09', ['supervisor']), 'A1')).rejects.toBeInstanceOf(OutsideTeamError);
  });

  it('lets hr, manager, admin and payroll reach everyone without reading the directory', async () => {
    const before = directory.lookups;
    for (const r of ['hr', 'manager', 'admin', 'payroll'] as const) await expect(scope.assertReaches(who('X', [r]), ['A1', 'A3', 'NEW'])).resolves.toBeUndefined();
    expect(directory.lookups).toBe(before);
  });

  it('keeps an agent to themself (AUTH.NOT_YOUR_RECORD), and a supervisor who is an agent reaches both', async () => {
    const a1 = who('A1', ['agent'], { agentId: 'A1' });
    await expect(scope.assertReaches(a1, 'A1')).resolves.toBeUndefined();
    await expect(scope.assertReaches(a1, 'A2')).rejects.toBeInstanceOf(NotYourRecordError);
    const lead = who('S02', ['agent', 'supervisor'], { agentId: 'S02' });
    await expect(scope.assertReaches(lead, ['S02', 'A3'])).resolves.toBeUndefined();
  });

  it('acts with the roles the route admitted: supervisor + payroll on a supervisor-only route is a supervisor', async () => {
    const both = who('S01', ['supervisor', 'payroll']);
    await expect(scope.assertReaches(both, 'A3')).resolves.toBeUndefined();
    await expect(scope.assertReaches({ ...both, actingRoles: ['supervisor'] }, 'A3')).rejects.toBeInstanceOf(OutsideTeamError);
  });

  it('filters lists to the teams in reach, keeping order; several people: any of them; nobody: only when asked', async () => {
    const items = [{ id: 1, a: 'A3' }, { id: 2, a: 'A1' }, { id: 3, a: null }, { id: 4, a: 'A5' }, { id: 5, a: 'NEW' }];
    expect((await scope.filter(S01, items, (i) => i.a)).map((i) => i.id)).toEqual([2, 4]);
    expect((await scope.filter(S01, items, (i) => i.a, { keepUnattributed: true })).map((i) => i.id)).toEqual([2, 3, 4]);
    expect((await scope.filter(who('H01', ['hr']), items, (i) => i.a)).map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
    const swaps = [{ id: 's1', who: ['A1', 'A3'] }, { id: 's2', who: ['A3', 'A4'] }];
    expect((await scope.filter(S01, swaps, (s) => s.who)).map((s) => s.id)).toEqual(['s1']);
    expect(await scope.filter(who('S09', ['supervisor']), items, (i) => i.a)).toEqual([]);
  });
});
