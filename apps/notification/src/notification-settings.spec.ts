import { loadNotificationSettings, NotificationSettingsError } from './notification-settings';

function errorOf(env: NodeJS.ProcessEnv): NotificationSettingsError {
  try {
    loadNotificationSettings(env);
  } catch (e) {
    return e as NotificationSettingsError;
  }
  throw new Error('expected a NotificationSettingsError');
}

describe('notification settings', () => {
  it('allows no internal network by default', () => {
    const s = loadNotificationSettings({});
    expect(s.allowedNetworks.toString()).toBe('');
    expect(s.allowedNetworks.allows('127.0.0.1')).toBe(false);
  });

  it('reads WEBHOOK_ALLOWED_NETWORKS', () => {
    const s = loadNotificationSettings({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8, fd00::/8' });
    expect(s.allowedNetworks.toString()).toBe('127.0.0.0/8, fd00::/8');
    expect(s.allowedNetworks.allows('127.0.0.1')).toBe(true);
    expect(s.allowedNetworks.allows('10.0.0.1')).toBe(false);
  });

  it.each([
    [{ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,10.0.0.0/40' }, 'WEBHOOK_ALLOWED_NETWORKS', /WEBHOOK_ALLOWED_NETWORKS must be comma-separated CIDRs .*'10.0.0.0\/40' is not one/],
    [{ WEBHOOK_ALLOWED_NETWORKS: 'intranet' }, 'WEBHOOK_ALLOWED_NETWORKS', /'intranet' is not one/],
    [{ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8\n;rm' }, 'WEBHOOK_ALLOWED_NETWORKS', /'127.0.0.0\/8\?;rm' is not one/],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL', /SMTP_URL must be an smtp:\/\//],
  ])('stops with one line that names the setting %#', (env, setting, message) => {
    const e = errorOf(env);
    expect(e).toBeInstanceOf(NotificationSettingsError);
    expect(e.setting).toBe(setting);
    expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
  });
});
