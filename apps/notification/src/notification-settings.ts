import { AllowedNetworks, parseAllowedNetworks } from './domain/webhook-address/allowed-networks';

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

export class NotificationSettingsError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotificationSettingsError';
  }
}

export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) throw new NotificationSettingsError('SMTP_URL', 'SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:port)');
  const mailFrom = env.MAIL_FROM?.trim() || 'callcentre-scoring <no-reply@localhost>';
  const allowed = parseAllowedNetworks(env.WEBHOOK_ALLOWED_NETWORKS);
  if ('bad' in allowed) {
    throw new NotificationSettingsError(
      'WEBHOOK_ALLOWED_NETWORKS',
      `WEBHOOK_ALLOWED_NETWORKS must be comma-separated CIDRs such as 127.0.0.0/8 or fd00::/8 ('${allowed.bad.replace(/[^\x20-\x7e]/g, '?')}' is not one)`,
    );
  }
  return { smtpUrl, mailFrom, allowedNetworks: allowed.networks };
}

/** Settings as tools that never send anything need them (no SMTP, nothing internal reachable). */
export const NO_NOTIFICATION_SETTINGS: NotificationSettings = { smtpUrl: null, mailFrom: 'callcentre-scoring <no-reply@localhost>', allowedNetworks: new AllowedNetworks() };
