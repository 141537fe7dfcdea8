/**
 * This service's own settings beyond the common ones. `SMTP_URL` is optional: without it e-mail
 * routes are logged as skipped. A malformed one stops the service like any bad setting.
 */
export interface NotificationSettings {
  smtpUrl: string | null;
  /** The From: of e-mails. */
  mailFrom: string;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

export class NotificationSettingsError extends Error {}

export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) throw new NotificationSettingsError('SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:port)');
  const mailFrom = env.MAIL_FROM?.trim() || 'callcentre-scoring <no-reply@localhost>';
  return { smtpUrl, mailFrom };
}
