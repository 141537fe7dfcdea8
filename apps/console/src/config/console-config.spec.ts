import { ConsoleConfigError, loadConsoleConfig } from './console-config';

const SECRET = 'a-dev-secret-of-16+chars';

describe('loadConsoleConfig', () => {
  it('defaults to port 3000 and the five services on localhost:3001–3005, with the development sign-in', () => {
    const c = loadConsoleConfig({ AUTH_JWT_SECRET: SECRET }, '/web');
    expect(c.port).toBe(3000);
    expect(c.upstreams).toEqual({
      'telephony-events': 'http://localhost:3001', 'qa-evaluation': 'http://localhost:3002', attendance: 'http://localhost:3003',
      scoring: 'http://localhost:3004', notification: 'http://localhost:3005',
    });
    expect(c.signIn).toEqual({ kind: 'dev', jwtSecret: SECRET });
    expect(c.webDir).toBe('/web');
  });

  it('takes service URLs from the environment without a trailing slash, and treats empty settings as absent', () => {
    const c = loadConsoleConfig({ AUTH_JWT_SECRET: SECRET, SCORING_URL: 'http://scoring:3004/', OIDC_ISSUER: '' }, '/web');
    expect(c.upstreams.scoring).toBe('http://scoring:3004');
    expect(c.signIn.kind).toBe('dev');
  });

  it('uses OIDC when an issuer is set, and never the development sign-in in production', () => {
    expect(loadConsoleConfig({ OIDC_ISSUER: 'https://id.example.com/', OIDC_CLIENT_ID: 'console' }, '/w').signIn).toEqual({ kind: 'oidc', issuer: 'https://id.example.com', clientId: 'console', scopes: 'openid profile' });
    expect(loadConsoleConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET }, '/w').signIn.kind).toBe('none');
  });

  it.each([
    [{ PORT: '70000', AUTH_JWT_SECRET: SECRET }, 'PORT', 'PORT must be an integer between 1 and 65535'],
    [{ SCORING_URL: 'scoring:3004', AUTH_JWT_SECRET: SECRET }, 'SCORING_URL', 'SCORING_URL must be an http(s):// URL'],
    [{}, 'AUTH_JWT_SECRET', 'AUTH_JWT_SECRET is missing (the development sign-in mints tokens with it)'],
    [{ OIDC_ISSUER: 'https://id.example.com' }, 'OIDC_CLIENT_ID', 'OIDC_CLIENT_ID is missing (required with OIDC_ISSUER)'],
  ])('stops with one line naming a bad setting %#', (env, setting, message) => {
    let err: unknown;
    try {
      loadConsoleConfig(env, '/w');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConsoleConfigError);
    expect([(err as ConsoleConfigError).setting, (err as Error).message]).toEqual([setting, message]);
  });
});
