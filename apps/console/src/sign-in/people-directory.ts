import { mintToken } from '@app/auth';
import { personFromAgent, STAFF_PERSONAS, type Person } from './person';

export interface PeopleList {
  people: Person[];
  /** False when attendance could not be asked (down, or not deployed yet): staff personas only. */
  agentsLoaded: boolean;
}

/** Who may be picked on the development sign-in page: attendance's agents plus the staff personas. */
export abstract class PeopleDirectory {
  abstract list(): Promise<PeopleList>;
}

export class AttendancePeopleDirectory extends PeopleDirectory {
  constructor(
    private readonly attendanceUrl: string,
    private readonly jwtSecret: string,
  ) {
    super();
  }

  async list(): Promise<PeopleList> {
    const agents = await this.fetchAgents().catch(() => null);
    const fromAttendance = (agents ?? []).filter((a) => a.active !== false).map(personFromAgent);
    const taken = new Set(fromAttendance.map((p) => p.id));
    return { people: [...fromAttendance, ...STAFF_PERSONAS.filter((p) => !taken.has(p.id))], agentsLoaded: agents !== null };
  }

  private async fetchAgents(): Promise<AgentRecord[]> {
    // A short-lived hr token of the console's own: the browser has no token yet when it lists people.
    const token = mintToken(this.jwtSecret, { sub: 'console', roles: ['hr'], expiresInSeconds: 60 });
    const res = await fetch(`${this.attendanceUrl}/v1/agents`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`attendance answered ${res.status}`);
    return agentsIn(await res.json());
  }
}

interface AgentRecord {
  agentId: string;
  name?: string;
  role?: string;
  team?: string;
  active?: boolean;
}

/** The list as an array, or inside `items` / `agents` / `data` of a page. */
function agentsIn(body: unknown): AgentRecord[] {
  const list = Array.isArray(body) ? body : ['items', 'agents', 'data'].map((k) => (body as Record<string, unknown>)?.[k]).find(Array.isArray);
  return ((list ?? []) as AgentRecord[]).filter((a) => typeof a?.agentId === 'string');
}
