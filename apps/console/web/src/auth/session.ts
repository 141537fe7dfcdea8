/** The roles a person signs in with; `manager` is the department head 客服经理 (appraises supervisors and QA, reads every team). */
export type Role = 'agent' | 'qa' | 'supervisor' | 'manager' | 'hr' | 'payroll' | 'admin';

export interface SessionUser {
  sub: string;
  name: string;
  roles: Role[];
  agentId?: string;
}

export interface Session {
  token: string;
  user: SessionUser;
  /** Seconds since 1970, from the token's `exp`. */
  expiresAt: number;
}

export const SESSION_STORAGE_KEY = 'console.session';

/** The claims of a JWT, unverified: the services verify it; the console only needs to know who and until when. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const KNOWN: Role[] = ['agent', 'qa', 'supervisor', 'manager', 'hr', 'payroll', 'admin'];

/** A session from a token (dev sign-in or OIDC); the name falls back to the subject. */
export function sessionFromToken(token: string, name?: string): Session | null {
  const c = decodeJwtPayload(token);
  if (!c || typeof c.sub !== 'string') return null;
  const roles = (Array.isArray(c.roles) ? c.roles : []).filter((r): r is Role => KNOWN.includes(r as Role));
  return {
    token,
    user: { sub: c.sub, name: name ?? (typeof c.name === 'string' ? c.name : c.sub), roles, agentId: typeof c.agentId === 'string' ? c.agentId : undefined },
    expiresAt: typeof c.exp === 'number' ? c.exp : 0,
  };
}

export function isExpired(session: Session, nowMs: number): boolean {
  return session.expiresAt > 0 && session.expiresAt * 1000 <= nowMs;
}

/** A stored session, if it is still good. */
export function restoreSession(stored: string | null, nowMs: number): Session | null {
  if (!stored) return null;
  try {
    const s = JSON.parse(stored) as Session;
    if (typeof s?.token !== 'string' || !s.user || isExpired(s, nowMs)) return null;
    return s;
  } catch {
    return null;
  }
}
