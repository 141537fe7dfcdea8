import { mintToken } from '@app/auth';
import { ConsoleErrors } from '../console.errors';
import { PeopleDirectory } from './people-directory';
import type { DevSignInCommand } from './dev-sign-in.command';
import type { HumanRole } from './person';

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

  async execute(command: DevSignInCommand): Promise<SignedIn> {
    const { role } = command;
    const personId = command.personId.trim();
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
