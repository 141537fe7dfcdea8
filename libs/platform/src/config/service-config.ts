import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * A whole-number setting as `@Transform` reads it: digits only, since `Number()` alone would take `1e3`, `0x10`
 * or blanks as numbers; anything else becomes NaN for `@IsInt` to refuse with the setting's message.
 */
export const wholeNumberSetting = ({ value }: { value: unknown }): number | undefined =>
  value === undefined || value === '' ? undefined : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;

/** Environment every service reads (contracts.md, Running a service). */
export class ServiceEnvironment {
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^(nats|tls|ws|wss):\/\/[^\s]+(,\s*(nats|tls|ws|wss):\/\/[^\s]+)*$/, {
    message: 'NATS_URL must be one or more nats:// URLs separated by commas',
  })
  NATS_URL: string;

  @IsString({ message: 'AUTH_JWT_SECRET must be set' })
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean({ message: 'MIGRATIONS_RUN must be true or false' })
  MIGRATIONS_RUN?: boolean;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'NATS_STREAM_REPLICAS must be 1, 3 or 5' })
  @IsIn([1, 3, 5], { message: 'NATS_STREAM_REPLICAS must be 1, 3 or 5' })
  NATS_STREAM_REPLICAS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a whole number of seconds between 60 and 2592000' })
  @Min(60, { message: 'AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a whole number of seconds between 60 and 2592000' })
  @Max(2_592_000, { message: 'AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a whole number of seconds between 60 and 2592000' })
  AUTH_MAX_TOKEN_LIFETIME_SECONDS?: number;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, { message: 'OIDC_ROLES_CLAIM must be a claim name or dot path, e.g. realm_access.roles' })
  OIDC_ROLES_CLAIM?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, { message: 'OIDC_AGENT_ID_CLAIM must be a claim name or dot path' })
  OIDC_AGENT_ID_CLAIM?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'], { message: 'LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose' })
  LOG_LEVEL?: string;
}

export interface ServiceConfig {
  service: string;
  databaseUrl: string;
  natsServers: string[];
  jwtSecret: string;
  port: number;
  migrationsRun: boolean;
  streamReplicas: number;
  logLevel: string;
  /** Longest token lifetime accepted; AUTH_DEFAULTS when absent. */
  authMaxTokenLifetimeSeconds?: number;
  /** An OIDC issuer whose RS256 tokens are accepted too (OIDC_ISSUER and friends). */
  oidc?: { issuer: string; audience?: string; rolesClaim: string; agentIdClaim: string };
}

export class ConfigError extends Error {
  constructor(readonly setting: string, message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * The environment validated as `environment` declares it: `ServiceEnvironment` itself, or a service's
 * subclass that adds its own settings with the same decorators (e.g. attendance's
 * `AttendanceEnvironment`), so a service reads no variable this check has not passed. The first
 * problem becomes one line that names the setting.
 */
export function loadServiceEnvironment<E extends ServiceEnvironment>(environment: new () => E, env: NodeJS.ProcessEnv = process.env): E {
  const parsed = plainToInstance(environment, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    const missing = env[first.property] === undefined || env[first.property] === '';
    throw new ConfigError(first.property, missing ? `${first.property} is missing (${message})` : message);
  }
  return parsed;
}

/** Validates the environment; the first problem becomes one line that names the setting. */
export function loadServiceConfig(service: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = loadServiceEnvironment(ServiceEnvironment, env);
  return {
    service,
    databaseUrl: parsed.DATABASE_URL,
    natsServers: parsed.NATS_URL.split(',').map((s) => s.trim()),
    jwtSecret: parsed.AUTH_JWT_SECRET,
    port: parsed.PORT ?? defaultPort,
    migrationsRun: parsed.MIGRATIONS_RUN ?? true,
    streamReplicas: parsed.NATS_STREAM_REPLICAS ?? 1,
    logLevel: parsed.LOG_LEVEL ?? 'log',
    authMaxTokenLifetimeSeconds: parsed.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    oidc: parsed.OIDC_ISSUER
      ? { issuer: parsed.OIDC_ISSUER, audience: parsed.OIDC_AUDIENCE || undefined, rolesClaim: parsed.OIDC_ROLES_CLAIM ?? 'roles', agentIdClaim: parsed.OIDC_AGENT_ID_CLAIM ?? 'agentId' }
      : undefined,
  };
}
