import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '@app/contracts';

export interface TokenRequest {
  sub: string;
  roles: Role[];
  agentId?: string;
  expiresInSeconds?: number;
}

/** HS256 token as the services expect it; used by `npm run token` and by tests. */
export function mintToken(secret: string, req: TokenRequest): string {
  const unknown = req.roles.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')} (known: ${ROLES.join(', ')})`);
  const claims: Record<string, unknown> = { roles: req.roles };
  if (req.agentId) claims.agentId = req.agentId;
  return new JwtService({ secret }).sign(claims, {
    algorithm: 'HS256',
    subject: req.sub,
    expiresIn: req.expiresInSeconds ?? 8 * 3600,
  });
}
