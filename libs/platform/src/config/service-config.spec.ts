import { ConfigError, loadServiceConfig } from './service-config';

const good = {
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  NATS_URL: 'nats://127.0.0.1:4222',
  AUTH_JWT_SECRET: 'a-secret-of-enough-length',
};

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadServiceConfig('scoring', 3004, env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadServiceConfig', () => {
  it('reads a valid environment with defaults', () => {
    const c = loadServiceConfig('scoring', 3004, { ...good });
    expect(c).toMatchObject({ port: 3004, migrationsRun: true, natsServers: ['nats://127.0.0.1:4222'], streamReplicas: 1 });
  });

  it('reads the maximum token lifetime, absent by default', () => {
    expect(loadServiceConfig('scoring', 3004, { ...good }).authMaxTokenLifetimeSeconds).toBeUndefined();
    expect(loadServiceConfig('scoring', 3004, { ...good, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' }).authMaxTokenLifetimeSeconds).toBe(3600);
  });

  it('reads the stream replicas a NATS cluster takes (issue 17: 3 on the 3-node cluster)', () => {
    expect(loadServiceConfig('scoring', 3004, { ...good, NATS_STREAM_REPLICAS: '3' }).streamReplicas).toBe(3);
    expect(loadServiceConfig('scoring', 3004, { ...good, NATS_STREAM_REPLICAS: '' }).streamReplicas).toBe(1);
  });

  it('parses PORT, MIGRATIONS_RUN and several NATS servers', () => {
    const c = loadServiceConfig('scoring', 3004, { ...good, PORT: '8080', MIGRATIONS_RUN: 'false', NATS_URL: 'nats://a:4222, nats://b:4222' });
    expect(c).toMatchObject({ port: 8080, migrationsRun: false, natsServers: ['nats://a:4222', 'nats://b:4222'] });
  });

  it.each([
    [{ DATABASE_URL: undefined }, 'DATABASE_URL', /DATABASE_URL is missing/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /DATABASE_URL must be a postgres:\/\/ URL/],
    [{ NATS_URL: undefined }, 'NATS_URL', /NATS_URL is missing/],
    [{ NATS_URL: 'http://x:4222' }, 'NATS_URL', /NATS_URL must be/],
    [{ AUTH_JWT_SECRET: undefined }, 'AUTH_JWT_SECRET', /AUTH_JWT_SECRET is missing/],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET', /at least 16/],
    [{ PORT: 'abc' }, 'PORT', /PORT must be an integer/],
    [{ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '1.5' }, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS', /whole number of seconds/],
    [{ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' }, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS', /between 60 and 2592000/],
    // An even count buys no more failures survived than the odd one below it; above 5 JetStream refuses.
    [{ NATS_STREAM_REPLICAS: '2' }, 'NATS_STREAM_REPLICAS', /NATS_STREAM_REPLICAS must be 1, 3 or 5/],
    [{ NATS_STREAM_REPLICAS: '7' }, 'NATS_STREAM_REPLICAS', /NATS_STREAM_REPLICAS must be 1, 3 or 5/],
    [{ NATS_STREAM_REPLICAS: 'three' }, 'NATS_STREAM_REPLICAS', /NATS_STREAM_REPLICAS must be 1, 3 or 5/],
  ])('names the bad setting %#', (override, setting, message) => {
    const e = errorOf({ ...good, ...override } as NodeJS.ProcessEnv);
    expect(e.setting).toBe(setting);
    expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
  });
});
