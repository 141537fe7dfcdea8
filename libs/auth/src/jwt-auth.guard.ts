import { createSecretKey, type KeyObject } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from '@app/contracts';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { OidcVerifier } from './oidc-verifier';
import { AUTH_DEFAULTS, tokenLifetimeProblem, type AuthOptions } from './token-lifetime';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Bearer HS256 JWT with `sub`, `roles`, `exp` (within the maximum lifetime) and, for agents, `agentId`; then the route's @Roles. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly maxLifetimeSeconds: number;
  /**
   * The secret as a KeyObject made once: given a string, jsonwebtoken first tries (and fails) to read
   * it as a PEM public key on every request — 14% of qa-evaluation's busy time in bench:qa.
   */
  private readonly key: KeyObject;
  private readonly oidc?: OidcVerifier;

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) options: Pick<AuthOptions, 'maxTokenLifetimeSeconds' | 'secret' | 'oidc'>,
  ) {
    if (options.oidc) this.oidc = new OidcVerifier(options.oidc);
    this.key = createSecretKey(Buffer.from(options.secret, 'utf8'));
    this.maxLifetimeSeconds = options.maxTokenLifetimeSeconds ?? AUTH_DEFAULTS.maxTokenLifetimeSeconds;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const user = await this.authenticate(req.headers.authorization);
    req.user = user;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !user.roles.some((r) => allowed.includes(r))) {
      throw new ForbiddenException({
        code: 'AUTH.FORBIDDEN',
        message: `This needs one of the roles ${allowed.join(', ')} / 需要以下角色之一: ${allowed.join(', ')}`,
      });
    }
    if (allowed) user.actingRoles = user.roles.filter((r) => allowed.includes(r));
    return true;
  }

  private async authenticate(header: string | undefined): Promise<AuthenticatedUser> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw unauthenticated('AUTH.TOKEN_MISSING', 'A bearer token is required / 需要 Bearer 令牌');
    let claims: Record<string, unknown>;
    try {
      claims = this.oidc && algorithmOf(match[1]) === 'RS256'
        ? { ...(await this.oidc.verify(match[1])) }
        : await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'], secret: this.key as unknown as string });
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError' || (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(
        expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID',
        expired ? 'The token has expired / 令牌已过期' : 'The token is not valid / 令牌无效',
      );
    }
    const lifetime = tokenLifetimeProblem(claims, this.maxLifetimeSeconds, Math.floor(Date.now() / 1000));
    if (lifetime === 'missing-exp') throw unauthenticated('AUTH.TOKEN_NO_EXPIRY', 'The token has no expiry (exp) / 令牌缺少过期时间 (exp)');
    if (lifetime === 'too-long') {
      const hours = Math.round((this.maxLifetimeSeconds / 3600) * 100) / 100;
      throw unauthenticated('AUTH.TOKEN_LIFETIME_TOO_LONG', `The token lives longer than ${hours} h / 令牌有效期超过 ${hours} 小时`);
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    if (typeof claims.sub !== 'string' || roles.length === 0) {
      throw unauthenticated('AUTH.TOKEN_INVALID', 'The token has no subject or no known role / 令牌缺少主体或角色');
    }
    const agentId = typeof claims.agentId === 'string' ? claims.agentId : undefined;
    if (roles.includes('agent') && !agentId) throw unauthenticated('AUTH.TOKEN_INVALID', 'An agent token needs agentId / 坐席令牌需要 agentId');
    return { sub: claims.sub, roles, agentId };
  }
}

/** The `alg` of a compact JWS header, without trusting anything else in the token yet. */
function algorithmOf(token: string): string | undefined {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { alg?: string }).alg;
  } catch {
    return undefined;
  }
}

function unauthenticated(code: string, message: string): UnauthorizedException {
  return new UnauthorizedException({ code, message });
}
