import { mintToken } from '@app/auth';
import type { ErrorDetail } from '@app/contracts';
import { ConsoleErrors } from '../console.errors';
import { PeopleDirectory } from './people-directory';
import { HUMAN_ROLES, type HumanRole } from './person';

export interface SignedIn {
  token: string;
  user: { sub: string; name: string; roles: HumanRole[]; agentId?: string };
  expiresAt: string;
}

const TOKEN_SECONDS = 8 * 3600;

/** Mints the services' HS256 token for a picked person and role (development only). */
export class DevSignInHandler {
  constructor(
    private readonly people: PeopleDirectory,
    private readonly jwtSecret: string,
  ) {}

  async execute(body: unknown): Promise<SignedIn> {
    const { personId, role } = parse(body);
    const person = (await this.people.list()).people.find((p) => p.id === personId);
    if (!person) throw ConsoleErrors.unknownPerson(personId);
    const token = mintToken(this.jwtSecret, { sub: person.id, roles: [role], agentId: person.agentId, expiresInSeconds: TOKEN_SECONDS });
    return {
      token,
      user: { sub: person.id, name: person.name, roles: [role], agentId: person.agentId },
      expiresAt: new Date(Date.now() + TOKEN_SECONDS * 1000).toISOString(),
    };
  }
}

function parse(body: unknown): { personId: string; role: HumanRole } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const details: ErrorDetail[] = [];
  if (typeof b.personId !== 'string' || b.personId.trim() === '') details.push({ path: 'personId', message: 'required / 必填' });
  if (!HUMAN_ROLES.includes(b.role as HumanRole)) details.push({ path: 'role', message: `one of ${HUMAN_ROLES.join(', ')} / 角色无效` });
  if (details.length) throw ConsoleErrors.invalidSignIn(details);
  return { personId: (b.personId as string).trim(), role: b.role as HumanRole };
}
