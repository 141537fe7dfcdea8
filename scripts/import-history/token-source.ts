import type { mintToken as MintToken } from '@app/auth';
import devDefaults from '../dev/defaults.json';

const LIFETIME_SECONDS = 12 * 3600;
/** A year of history can take longer than one token lives: a minted one is renewed well before it expires. */
const RENEW_AFTER_MS = 6 * 3600_000;

/**
 * The bearer token for each request: the one given with --token, or one minted with role
 * `telephony` from AUTH_JWT_SECRET (else the dev runner's local secret, as `npm run token` does).
 */
export function tokenSource(given: string | undefined, env: NodeJS.ProcessEnv, now: () => number = Date.now): () => string {
  if (given !== undefined) return () => given;
  const secret = env.AUTH_JWT_SECRET ?? devDefaults.jwtSecret;
  let token = '';
  let mintedAt = -Infinity;
  return () => {
    if (now() - mintedAt > RENEW_AFTER_MS) {
      // Loaded only when a token is minted: @app/auth brings Nest's JWT module, about a second of
      // CPU at start-up that a run with --token (or one with nothing to send) does not need.
      // (A dynamic import() cannot resolve the @app/* alias under moduleResolution nodenext, and the
      // runtime rewrites the alias in import statements only, hence the library's own path.)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { mintToken } = require('../../libs/auth/src/mint-token') as { mintToken: typeof MintToken };
      token = mintToken(secret, { sub: 'import-history', roles: ['telephony'], expiresInSeconds: LIFETIME_SECONDS });
      mintedAt = now();
    }
    return token;
  };
}
