import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** The five services the console proxies, by the path segment under `/api/`. */
export const UPSTREAMS = [
  { name: 'telephony-events', env: 'TELEPHONY_EVENTS_URL', port: 3001 },
  { name: 'qa-evaluation', env: 'QA_EVALUATION_URL', port: 3002 },
  { name: 'attendance', env: 'ATTENDANCE_URL', port: 3003 },
  { name: 'scoring', env: 'SCORING_URL', port: 3004 },
  { name: 'notification', env: 'NOTIFICATION_URL', port: 3005 },
] as const;
export type UpstreamName = (typeof UPSTREAMS)[number]['name'];

const HTTP_URL = /^https?:\/\/[^\s]+$/;
const optionalNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Environment the console reads; it needs no database and no NATS. */
export class ConsoleEnvironment {
  @IsOptional()
  @Transform(optionalNumber)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT?: number;

  @IsOptional() @Matches(HTTP_URL, { message: 'TELEPHONY_EVENTS_URL must be an http(s):// URL' }) TELEPHONY_EVENTS_URL?: string;
  @IsOptional() @Matches(HTTP_URL, { message: 'QA_EVALUATION_URL must be an http(s):// URL' }) QA_EVALUATION_URL?: string;
  @IsOptional() @Matches(HTTP_URL, { message: 'ATTENDANCE_URL must be an http(s):// URL' }) ATTENDANCE_URL?: string;
  @IsOptional() @Matches(HTTP_URL, { message: 'SCORING_URL must be an http(s):// URL' }) SCORING_URL?: string;
  @IsOptional() @Matches(HTTP_URL, { message: 'NOTIFICATION_URL must be an http(s):// URL' }) NOTIFICATION_URL?: string;

  /** Needed by the development sign-in only (it mints HS256 tokens the services accept). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET?: string;

  @IsOptional() @Matches(HTTP_URL, { message: 'OIDC_ISSUER must be an http(s):// URL' }) OIDC_ISSUER?: string;
  @IsOptional() @IsString() OIDC_CLIENT_ID?: string;
  @IsOptional() @IsString() OIDC_SCOPES?: string;
  @IsOptional() @Matches(HTTP_URL, { message: 'CONSOLE_PUBLIC_URL must be an http(s):// URL' }) CONSOLE_PUBLIC_URL?: string;

  @IsOptional() @IsString() CONSOLE_WEB_DIR?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'], { message: 'LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose' })
  LOG_LEVEL?: string;
}

export type SignInMode = { kind: 'dev'; jwtSecret: string } | { kind: 'oidc'; issuer: string; clientId: string; scopes: string } | { kind: 'none'; reason: string };

export interface ConsoleConfig {
  port: number;
  upstreams: Record<UpstreamName, string>;
  signIn: SignInMode;
  /** Where the public URL of the console is, for the OIDC redirect; default from the request. */
  publicUrl?: string;
  webDir: string;
  logLevel: string;
}

export class ConsoleConfigError extends Error {
  constructor(readonly setting: string, message: string) {
    super(message);
    this.name = 'ConsoleConfigError';
  }
}

/** Validates the environment; the first problem becomes one line that names the setting. */
export function loadConsoleConfig(env: NodeJS.ProcessEnv, defaultWebDir: string): ConsoleConfig {
  // An empty setting is an absent one (compose passes `OIDC_ISSUER: ${OIDC_ISSUER:-}`).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(ConsoleEnvironment, given, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    throw new ConsoleConfigError(first.property, Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`);
  }
  const upstreams = Object.fromEntries(
    UPSTREAMS.map((u) => [u.name, (parsed[u.env] ?? `http://localhost:${u.port}`).replace(/\/+$/, '')]),
  ) as Record<UpstreamName, string>;
  return {
    port: parsed.PORT ?? 3000,
    upstreams,
    signIn: signInMode(parsed, env.NODE_ENV),
    publicUrl: parsed.CONSOLE_PUBLIC_URL?.replace(/\/+$/, ''),
    webDir: parsed.CONSOLE_WEB_DIR ?? defaultWebDir,
    logLevel: parsed.LOG_LEVEL ?? 'log',
  };
}

/** OIDC when an issuer is set; the development sign-in only outside production and only with a secret. */
function signInMode(p: ConsoleEnvironment, nodeEnv: string | undefined): SignInMode {
  if (p.OIDC_ISSUER) {
    if (!p.OIDC_CLIENT_ID) throw new ConsoleConfigError('OIDC_CLIENT_ID', 'OIDC_CLIENT_ID is missing (required with OIDC_ISSUER)');
    return { kind: 'oidc', issuer: p.OIDC_ISSUER.replace(/\/+$/, ''), clientId: p.OIDC_CLIENT_ID, scopes: p.OIDC_SCOPES ?? 'openid profile' };
  }
  if (nodeEnv === 'production') return { kind: 'none', reason: 'production without OIDC_ISSUER: set OIDC_ISSUER and OIDC_CLIENT_ID' };
  if (!p.AUTH_JWT_SECRET) throw new ConsoleConfigError('AUTH_JWT_SECRET', 'AUTH_JWT_SECRET is missing (the development sign-in mints tokens with it)');
  return { kind: 'dev', jwtSecret: p.AUTH_JWT_SECRET };
}
