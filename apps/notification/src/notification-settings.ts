import { Transform } from 'class-transformer';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { loadServiceEnvironment, ServiceEnvironment } from '@app/platform';
import { AllowedNetworks, parseAllowedNetworks } from './domain/webhooks/address/allowed-networks';

/**
 * This service's own settings beyond the common ones, validated at start-up: a malformed one stops
 * the service with one line that names it, like any bad setting. `SMTP_URL` is optional: without
 * it e-mail routes are logged as skipped.
 */
export interface NotificationSettings {
  smtpUrl: string | null;
  /** The From: of e-mails. */
  mailFrom: string;
  /** Internal networks webhooks may reach anyway (`WEBHOOK_ALLOWED_NETWORKS`); none by default. */
  allowedNetworks: AllowedNetworks;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

const DEFAULT_MAIL_FROM = 'callcentre-scoring <no-reply@localhost>';

/** Surrounding blanks dropped; a blank value is an absent one (its default applies). */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** The entry of a WEBHOOK_ALLOWED_NETWORKS value that is no CIDR, printable (it is echoed in the one-line message). */
const badNetwork = (value: unknown): string | null => {
  const parsed = parseAllowedNetworks(typeof value === 'string' ? value : undefined);
  return 'bad' in parsed ? parsed.bad.replace(/[^\x20-\x7e]/g, '?') : null;
};

/** The variables behind NotificationSettings, declared like the common ones so one check passes them all. */
export class NotificationEnvironment extends ServiceEnvironment {
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:port)' })
  SMTP_URL?: string;

  // A line break here would let the setting write headers of its own into every e-mail.
  @IsOptional()
  @Transform(trimmed)
  @ValidateBy({ name: 'isOneLine', validator: { validate: (value) => typeof value === 'string' && ![...value].some(isControl), defaultMessage: () => 'MAIL_FROM must be one line of printable text, e.g. Scoring <alerts@example.com>' } })
  MAIL_FROM?: string;

  @IsOptional()
  @ValidateBy({
    name: 'isCidrList',
    validator: {
      validate: (value) => typeof value === 'string' && badNetwork(value) === null,
      defaultMessage: (a) => `WEBHOOK_ALLOWED_NETWORKS must be comma-separated CIDRs such as 127.0.0.0/8 or fd00::/8 ('${badNetwork(a?.value) ?? ''}' is not one)`,
    },
  })
  WEBHOOK_ALLOWED_NETWORKS?: string;
}

/** The settings from the environment (the process's unless given); ConfigError naming the first bad one. */
export function loadNotificationSettings(env?: NodeJS.ProcessEnv): NotificationSettings {
  const parsed = loadServiceEnvironment(NotificationEnvironment, env);
  const allowed = parseAllowedNetworks(parsed.WEBHOOK_ALLOWED_NETWORKS);
  return {
    smtpUrl: parsed.SMTP_URL ?? null,
    mailFrom: parsed.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    allowedNetworks: 'networks' in allowed ? allowed.networks : new AllowedNetworks(),
  };
}

/** Settings as tools that never send anything need them (no SMTP, nothing internal reachable). */
export const NO_NOTIFICATION_SETTINGS: NotificationSettings = { smtpUrl: null, mailFrom: DEFAULT_MAIL_FROM, allowedNetworks: new AllowedNetworks() };
