import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

/** An OIDC issuer whose RS256 access tokens the services accept beside their own HS256 ones. */
export interface OidcOptions {
  issuer: string;
  /** Expected `aud`; not checked when absent. */
  audience?: string;
  /** Dot path of the roles array in the token, e.g. `roles` or `realm_access.roles`. */
  rolesClaim: string;
  /** Claim holding an agent's id. */
  agentIdClaim: string;
}

export interface OidcClaims {
  sub?: string;
  roles: unknown;
  agentId: unknown;
  exp?: number;
  iat?: number;
}

function at(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Verifies an issuer's token against the keys its discovery document names (fetched once, then
 * refreshed by jose when a token carries an unknown `kid`), and maps its claims to ours.
 */
export class OidcVerifier {
  private jwks?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(private readonly options: OidcOptions) {}

  async verify(token: string): Promise<OidcClaims> {
    const { payload } = await jwtVerify(token, await this.keys(), {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: ['RS256'],
    });
    return { sub: payload.sub, roles: at(payload, this.options.rolesClaim), agentId: at(payload, this.options.agentIdClaim), exp: payload.exp, iat: payload.iat };
  }

  private keys(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.jwks ??= (async () => {
      const res = await fetch(`${this.options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (!res.ok) throw new Error(`OIDC discovery answered ${res.status}`);
      const { jwks_uri: uri } = (await res.json()) as { jwks_uri?: string };
      if (!uri) throw new Error('OIDC discovery names no jwks_uri');
      return createRemoteJWKSet(new URL(uri));
    })().catch((err: unknown) => {
      this.jwks = undefined; // an issuer that was down at the first request is asked again at the next
      throw err;
    });
    return this.jwks;
  }
}
