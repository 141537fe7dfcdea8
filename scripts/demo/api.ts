import { mintToken } from '@app/auth';
import type { Role } from '@app/contracts';

export const SERVICE_PORTS = { telephony: 3001, qa: 3002, attendance: 3003, scoring: 3004, notification: 3005 } as const;
export type ServiceKey = keyof typeof SERVICE_PORTS;

export interface Persona {
  sub: string;
  roles: Role[];
  agentId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body).slice(0, 600)}`);
  }
}

/** The public APIs as the telephony system, QA staff, supervisors, HR and the badge clock use them. */
export class DemoApi {
  constructor(
    private readonly secret: string,
    private readonly baseUrl: (service: ServiceKey) => string = (s) => `http://127.0.0.1:${SERVICE_PORTS[s]}`,
  ) {}

  token(p: Persona): string {
    return mintToken(this.secret, { sub: p.sub, roles: p.roles, agentId: p.agentId, expiresInSeconds: 3600 });
  }

  async request<T = unknown>(service: ServiceKey, method: string, path: string, as: Persona, body?: unknown, contentType = 'application/json'): Promise<T> {
    const res = await fetch(`${this.baseUrl(service)}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token(as)}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? safeJson(text) : null;
    if (res.status >= 400) throw new ApiError(res.status, parsed, `${method} ${service}${path}`);
    return parsed as T;
  }

  get<T = unknown>(service: ServiceKey, path: string, as: Persona): Promise<T> {
    return this.request<T>(service, 'GET', path, as);
  }

  /**
   * Every item of a list endpoint: follows `nextCursor` page after page (contracts.md: every list answers
   * `{ items, nextCursor }`), `limit` items a request.
   */
  async all<T = unknown>(service: ServiceKey, path: string, as: Persona, limit = 1_000): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const url = `${path}${sep}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      const page: { items: T[]; nextCursor: string | null } = await this.get(service, url, as);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }

  post<T = unknown>(service: ServiceKey, path: string, as: Persona, body?: unknown): Promise<T> {
    return this.request<T>(service, 'POST', path, as, body ?? {});
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const PERSONAS = {
  telephony: { sub: 'pbx', roles: ['telephony'] },
  clock: { sub: 'badge-clock', roles: ['clock'] },
  hr: { sub: 'H01', roles: ['hr'] },
  admin: { sub: 'admin', roles: ['admin'] },
  qa: { sub: 'Q01', roles: ['qa'] },
  manager: { sub: 'M01', roles: ['manager'] },
  supervisor: (id: string): Persona => ({ sub: id, roles: ['supervisor'] }),
  /** A QA inspector, who scores the calls of their own team (demo-centre.ts QA_INSPECTORS). */
  qaInspector: (id: string): Persona => ({ sub: id, roles: ['qa'] }),
  agent: (agentId: string): Persona => ({ sub: agentId, roles: ['agent'], agentId }),
} satisfies Record<string, Persona | ((id: string) => Persona)>;

/**
 * Waits until qa-evaluation lets `as` (a supervisor or QA inspector) act on `agentId`: they act on their own teams
 * only, and qa learns the teams from `attendance.agent.upserted` a moment after HR posts the people.
 */
export async function untilQaKnowsTeam(api: DemoApi, as: Persona, agentId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await api.get('qa', `/v1/evaluations?agentId=${encodeURIComponent(agentId)}&limit=1`, as);
      return;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 403 || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
