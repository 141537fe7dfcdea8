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

  /**
   * Every page of attendance's directory (1,000 a page, following `nextCursor`): a person after the first page
   * must still be able to sign in. A cursor that comes back, or more than MAX_PAGES pages, stops the read.
   */
  private async fetchAgents(): Promise<AgentRecord[]> {
    // A short-lived hr token of the console's own: the browser has no token yet when it lists people.
    const token = mintToken(this.jwtSecret, { sub: 'console', roles: ['hr'], expiresInSeconds: 60 });
    const agents: AgentRecord[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ limit: String(PAGE_LIMIT), ...(cursor ? { cursor } : {}) });
      const res = await fetch(`${this.attendanceUrl}/v1/agents?${query.toString()}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`attendance answered ${res.status}`);
      const body = pageOf(await res.json());
      agents.push(...body.items);
      cursor = body.nextCursor;
      if (cursor === null) return agents;
      if (seen.has(cursor)) break;
      seen.add(cursor);
    }
    throw new Error('attendance’s agent pages do not end');
  }
}

const PAGE_LIMIT = 1_000;
const MAX_PAGES = 200;

interface AgentRecord {
  agentId: string;
  name?: string;
  role?: string;
  team?: string;
  active?: boolean;
}

/** A page of the directory `{ items, nextCursor }` (a bare array, as attendance answered before pages, is the whole list). */
export function pageOf(body: unknown): { items: AgentRecord[]; nextCursor: string | null } {
  const b = body as { items?: unknown; nextCursor?: unknown } | null;
  const list = Array.isArray(body) ? body : Array.isArray(b?.items) ? b.items : [];
  const next = Array.isArray(body) ? null : b?.nextCursor;
  return { items: (list as AgentRecord[]).filter((a) => typeof a?.agentId === 'string'), nextCursor: typeof next === 'string' && next !== '' ? next : null };
}
