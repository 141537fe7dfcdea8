import { ConfigError } from '@app/platform';
import { loadNotificationSettings } from './notification-settings';

const common = { DATABASE_URL: 'postgres://u@localhost:5432/db', NATS_URL: 'nats://127.0.0.1:4222', AUTH_JWT_SECRET: 'a-secret-of-enough-length' };

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadNotificationSettings({ ...common, ...env });
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('notification settings', () => {
  it('sends no e-mail, from the default sender, and allows no internal network by default', () => {
    const s = loadNotificationSettings({ ...common });
    expect(s.smtpUrl).toBeNull();
    expect(s.mailFrom).toBe('callcentre-scoring <no-reply@localhost>');
    expect(s.allowedNetworks.toString()).toBe('');
    expect(s.allowedNetworks.allows('127.0.0.1')).toBe(false);
    expect(loadNotificationSettings({ ...common, SMTP_URL: '  ', MAIL_FROM: '' })).toMatchObject({ smtpUrl: null, mailFrom: 'callcentre-scoring <no-reply@localhost>' });
  });

  it('reads SMTP_URL, MAIL_FROM and WEBHOOK_ALLOWED_NETWORKS', () => {
    const s = loadNotificationSettings({ ...common, SMTP_URL: ' smtp://u:p@mail:2525 ', MAIL_FROM: 'Scoring <alerts@callcentre.test>', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8, fd00::/8' });
    expect(s.smtpUrl).toBe('smtp://u:p@mail:2525');
    expect(s.mailFrom).toBe('Scoring <alerts@callcentre.test>');
    expect(s.allowedNetworks.toString()).toBe('127.0.0.0/8, fd00::/8');
    expect(s.allowedNetworks.allows('127.0.0.1')).toBe(true);
    expect(s.allowedNetworks.allows('10.0.0.1')).toBe(false);
  });

  it.each([
    [{ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,10.0.0.0/40' }, 'WEBHOOK_ALLOWED_NETWORKS', /WEBHOOK_ALLOWED_NETWORKS must be comma-separated CIDRs .*'10.0.0.0\/40' is not one/],
    [{ WEBHOOK_ALLOWED_NETWORKS: 'intranet' }, 'WEBHOOK_ALLOWED_NETWORKS', /'intranet' is not one/],
    [{ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8\n;rm' }, 'WEBHOOK_ALLOWED_NETWORKS', /'127.0.0.0\/8\?;rm' is not one/],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL', /SMTP_URL must be an smtp:\/\//],
    [{ MAIL_FROM: 'a@b.test\r\nBcc: everyone@b.test' }, 'MAIL_FROM', /MAIL_FROM must be one line/],
    [{ DATABASE_URL: undefined }, 'DATABASE_URL', /DATABASE_URL is missing/],
  ])('stops with one line that names the setting %#', (env, setting, message) => {
    const e = errorOf(env);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.setting).toBe(setting);
    expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
  });
});
