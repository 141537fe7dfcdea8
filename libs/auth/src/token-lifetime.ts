import type { OidcOptions } from './oidc-verifier';

/** Tokens must expire, and not too far ahead: a leaked token is only good for so long. */
export const AUTH_DEFAULTS = {
  /** The longest lifetime a token may claim (exp − iat, or exp − now without iat). */
  maxTokenLifetimeSeconds: 24 * 3600,
  /** Clock difference tolerated between the minting system and this one. */
  clockToleranceSeconds: 60,
} as const;

export interface AuthOptions {
  secret: string;
  maxTokenLifetimeSeconds?: number;
  /** When set, RS256 tokens of this issuer are accepted too (the console's OIDC sign-in). */
  oidc?: OidcOptions;
}

export type LifetimeProblem = 'missing-exp' | 'too-long' | undefined;

/** What is wrong with a verified token's exp/iat, if anything (pure: `nowSeconds` passed in). */
export function tokenLifetimeProblem(claims: { exp?: unknown; iat?: unknown }, maxSeconds: number, nowSeconds: number): LifetimeProblem {
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return 'missing-exp';
  const from = typeof claims.iat === 'number' && Number.isFinite(claims.iat) ? Math.min(claims.iat, nowSeconds) : nowSeconds;
  return claims.exp - from > maxSeconds + AUTH_DEFAULTS.clockToleranceSeconds ? 'too-long' : undefined;
}
