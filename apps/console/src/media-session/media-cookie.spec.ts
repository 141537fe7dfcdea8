import { bearerToken, cookieAgeMs, cookieValue, MAX_COOKIE_AGE_MS, MEDIA_COOKIE, recordingAuthorization } from './media-cookie';

const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const NOW = Date.parse('2026-10-05T09:00:00Z');
const TOKEN = jwt({ sub: 'Q01', roles: ['qa'], exp: NOW / 1000 + 3600 });

describe('the recordings cookie', () => {
  it('takes a JWT from a bearer header, nothing else', () => {
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`bearer  ${TOKEN} `)).toBe(TOKEN);
    for (const bad of [undefined, '', 'Bearer', `Basic ${TOKEN}`, 'Bearer not-a-jwt', 'Bearer a.b.c;path=/', `Bearer ${'a'.repeat(9000)}.b.c`]) expect(bearerToken(bad)).toBeNull();
  });

  it('lives until the token expires, at most twelve hours, and not at all for an expired token', () => {
    expect(cookieAgeMs(TOKEN, NOW)).toBe(3_600_000);
    expect(cookieAgeMs(jwt({ exp: NOW / 1000 + 86_400 }), NOW)).toBe(MAX_COOKIE_AGE_MS);
    expect(cookieAgeMs(jwt({ exp: NOW / 1000 - 1 }), NOW)).toBe(0);
    expect(cookieAgeMs(jwt({ sub: 'no-exp' }), NOW)).toBe(MAX_COOKIE_AGE_MS);
  });

  it('is read from a Cookie header among others', () => {
    expect(cookieValue(`a=1; ${MEDIA_COOKIE}=${TOKEN}; b=2`, MEDIA_COOKIE)).toBe(TOKEN);
    expect(cookieValue('a=1', MEDIA_COOKIE)).toBeUndefined();
    expect(cookieValue(undefined, MEDIA_COOKIE)).toBeUndefined();
  });

  it('authenticates a GET or HEAD of a recording without a header, and nothing else', () => {
    const cookie = `${MEDIA_COOKIE}=${TOKEN}`;
    expect(recordingAuthorization({ method: 'GET', path: '/v1/calls/c-1/recording', cookie })).toBe(`Bearer ${TOKEN}`);
    expect(recordingAuthorization({ method: 'HEAD', path: '/v1/calls/c%201/recording', cookie })).toBe(`Bearer ${TOKEN}`);
    // The request's own header stands.
    expect(recordingAuthorization({ method: 'GET', path: '/v1/calls/c-1/recording', cookie, authorization: 'Bearer other' })).toBe('Bearer other');
    // Not another path, not a write, not a cookie that holds no JWT.
    expect(recordingAuthorization({ method: 'GET', path: '/v1/calls/c-1', cookie })).toBeUndefined();
    expect(recordingAuthorization({ method: 'GET', path: '/v1/calls/c-1/recording/x', cookie })).toBeUndefined();
    expect(recordingAuthorization({ method: 'POST', path: '/v1/calls/c-1/recording', cookie })).toBeUndefined();
    expect(recordingAuthorization({ method: 'GET', path: '/v1/calls/c-1/recording', cookie: `${MEDIA_COOKIE}=junk` })).toBeUndefined();
    expect(recordingAuthorization({ method: 'GET', path: '/v1/calls/c-1/recording' })).toBeUndefined();
  });
});
