/**
 * An `<audio src>` cannot send the bearer header the services want, so the console keeps the signed-in person's
 * token in an HttpOnly cookie that the browser sends with recording requests only, and the proxy turns it back
 * into the header. The cookie authenticates nothing else: it is scoped to the calls path, SameSite=Strict (no
 * other site's page can make the browser send it) and the proxy reads it for GET/HEAD of a recording only.
 */
export const MEDIA_COOKIE = 'console_media';

/** The cookie's path: the browser attaches it to `/api/telephony-events/v1/calls/…` and to nothing else. */
export const MEDIA_COOKIE_PATH = '/api/telephony-events/v1/calls';

/** A recording, as the path looks inside the telephony-events mount (`/api/telephony-events` stripped). */
const RECORDING_PATH = /^\/v1\/calls\/[^/]+\/recording$/;

/** A JWT's three base64url parts; the cookie holds nothing else (the services verify it; the console does not). */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_CHARS = 8_192;

/** The longest a cookie lives, whatever the token says: a development token lasts 8 hours. */
export const MAX_COOKIE_AGE_MS = 12 * 3_600_000;

/** The token of `Authorization: Bearer <jwt>`, or null when the header is missing or holds no JWT. */
export function bearerToken(authorization: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  return m && m[1].length <= MAX_TOKEN_CHARS && JWT.test(m[1]) ? m[1] : null;
}

/**
 * How long the cookie may live: until the token expires (its `exp`, unverified: an altered one only shortens or
 * lengthens a cookie the services will refuse anyway), at most MAX_COOKIE_AGE_MS; 0 when it has expired.
 */
export function cookieAgeMs(token: string, nowMs: number): number {
  let exp: unknown;
  try {
    exp = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown }).exp;
  } catch {
    exp = undefined;
  }
  if (typeof exp !== 'number') return MAX_COOKIE_AGE_MS;
  return Math.max(0, Math.min(MAX_COOKIE_AGE_MS, exp * 1000 - nowMs));
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

/**
 * The Authorization header a proxied request should carry: its own when it has one; for a GET or HEAD of a
 * recording without one, the media cookie's token; otherwise none (the service answers 401 as it would).
 */
export function recordingAuthorization(req: { method: string; path: string; authorization?: string; cookie?: string }): string | undefined {
  if (req.authorization) return req.authorization;
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !RECORDING_PATH.test(req.path)) return undefined;
  const token = bearerToken(`Bearer ${cookieValue(req.cookie, MEDIA_COOKIE) ?? ''}`);
  return token ? `Bearer ${token}` : undefined;
}
