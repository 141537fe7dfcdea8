import type { AgentUpsertedEvent, Role } from '@app/contracts';

/**
 * The world every service's team-scope matrix runs in (issue 17 item 8): team T1 is led by S01 (a supervisor
 * record of T1, and A1, A2 report to them) with Q01 its QA inspector; team T2's A3, A4 report to S02, whom the
 * directory does not hold, and Q02 is T2's QA inspector. S09 is a supervisor the directory knows nothing about.
 */
export interface Person {
  agentId: string;
  team: string;
  role: 'agent' | 'supervisor' | 'qa';
  supervisorId: string | null;
}

export const PEOPLE: Person[] = [
  { agentId: 'S01', team: 'T1', role: 'supervisor', supervisorId: null },
  { agentId: 'A1', team: 'T1', role: 'agent', supervisorId: 'S01' },
  { agentId: 'A2', team: 'T1', role: 'agent', supervisorId: 'S01' },
  { agentId: 'Q01', team: 'T1', role: 'qa', supervisorId: null },
  { agentId: 'A3', team: 'T2', role: 'agent', supervisorId: 'S02' },
  { agentId: 'A4', team: 'T2', role: 'agent', supervisorId: 'S02' },
  { agentId: 'Q02', team: 'T2', role: 'qa', supervisorId: null },
];

/** The agent a request is about: in the caller's team (own) or not (other). */
export const OWN = 'A1';
export const OTHER = 'A3';
export const T1 = ['A1', 'A2', 'Q01', 'S01'];
export const T2 = ['A3', 'A4', 'Q02'];
export const EVERYONE = [...T1, ...T2].sort();

export interface Persona {
  sub: string;
  roles: Role[];
  agentId?: string;
}

export const PERSONAS = {
  supervisor: { sub: 'S01', roles: ['supervisor'] },
  qa: { sub: 'Q01', roles: ['qa'] },
  /** A supervisor the directory does not know: leads no team, so reaches nobody. */
  stranger: { sub: 'S09', roles: ['supervisor'] },
  hr: { sub: 'H01', roles: ['hr'] },
  manager: { sub: 'M01', roles: ['manager'] },
  admin: { sub: 'ADM', roles: ['admin'] },
  payroll: { sub: 'P01', roles: ['payroll'] },
  /** A1 as an agent: themself only. */
  agent: { sub: 'A1', roles: ['agent'], agentId: 'A1' },
} satisfies Record<string, Persona>;
export type PersonaName = keyof typeof PERSONAS;

/** The people as attendance publishes them on `attendance.agent.upserted` (for the services keeping a copy). */
export function agentUpsertedEvents(): AgentUpsertedEvent[] {
  return PEOPLE.map((p) => ({
    eventId: `team-scope-${p.agentId}`, schemaVersion: 1, agentId: p.agentId, name: p.agentId, team: p.team, region: 'east', role: p.role,
    hireDate: '2026-01-05', supervisorId: p.supervisorId, level: 'regular', active: true, email: null, language: 'zh-CN', version: 1,
    updatedAt: '2026-10-01T00:00:00Z',
  }));
}

/** The people as HR posts them to attendance. */
export function agentRecords() {
  return PEOPLE.map((p) => ({ ...p, name: p.agentId, region: 'east', hireDate: '2026-01-05', level: 'regular', active: true }));
}

export interface Answer {
  status: number;
  body: { error?: string } & Record<string, unknown>;
}

/**
 * One endpoint about one person: the expected answer per persona for the own-team and the other-team person, as a
 * status, or `"<status> <error code>"` where the code matters (403 AUTH.OUTSIDE_YOUR_TEAM).
 */
export interface SingleRow {
  endpoint: string;
  call(as: Persona, agentId: string, persona: PersonaName): Promise<Answer>;
  /** null: that side is not asked (e.g. an agent filing a second swap would meet the swap rules, not the scope). */
  expect: Partial<Record<PersonaName, [own: number | string | null, other: number | string | null]>>;
}

/** A list endpoint: the ids each persona gets back. */
export interface ListRow {
  endpoint: string;
  ids(as: Persona): Promise<string[]>;
  expect: Partial<Record<PersonaName, string[]>>;
}

export const OUTSIDE = '403 AUTH.OUTSIDE_YOUR_TEAM';

const render = (want: number | string, got: Answer) => (typeof want === 'string' ? `${got.status} ${got.body?.error ?? ''}`.trim() : got.status);

/**
 * Runs every row for every persona it names, own then other, one after another (rows may change state), and
 * answers the table seen beside the table expected, so one failing cell shows the whole matrix.
 */
export async function runSingleRows(rows: SingleRow[]): Promise<{ seen: Record<string, unknown>; wanted: Record<string, unknown>; cells: number }> {
  const seen: Record<string, unknown> = {};
  const wanted: Record<string, unknown> = {};
  let cells = 0;
  for (const row of rows) {
    for (const [name, [own, other]] of Object.entries(row.expect) as Array<[PersonaName, [number | string | null, number | string | null]]>) {
      const as = PERSONAS[name];
      const cell = async (want: number | string | null, agentId: string) => {
        if (want === null) return null;
        cells++;
        return render(want, await row.call(as, agentId, name));
      };
      seen[`${row.endpoint} | ${name}`] = [await cell(own, OWN), await cell(other, OTHER)];
      wanted[`${row.endpoint} | ${name}`] = [own, other];
    }
  }
  return { seen, wanted, cells };
}

/** Runs every list row for every persona it names; ids compared sorted. */
export async function runListRows(rows: ListRow[]): Promise<{ seen: Record<string, string[]>; wanted: Record<string, string[]>; cells: number }> {
  const seen: Record<string, string[]> = {};
  const wanted: Record<string, string[]> = {};
  let cells = 0;
  for (const row of rows) {
    for (const [name, ids] of Object.entries(row.expect) as Array<[PersonaName, string[]]>) {
      seen[`${row.endpoint} | ${name}`] = [...new Set(await row.ids(PERSONAS[name]))].sort();
      wanted[`${row.endpoint} | ${name}`] = [...ids].sort();
      cells++;
    }
  }
  return { seen, wanted, cells };
}
