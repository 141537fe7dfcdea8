import { ConfigError } from '@app/platform';
import { DEFAULT_ATTENDANCE_SETTINGS, loadAttendanceSettings } from './attendance-settings';

const common = { DATABASE_URL: 'postgres://u@localhost:5432/db', NATS_URL: 'nats://127.0.0.1:4222', AUTH_JWT_SECRET: 'a-secret-of-enough-length' };

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadAttendanceSettings(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('attendance settings', () => {
  it('closes every 5 seconds by default, and reads ATTENDANCE_CLOSE_EVERY_MS (0: only on demand)', () => {
    expect(loadAttendanceSettings({ ...common })).toEqual({ closeEveryMs: 5_000 });
    expect(DEFAULT_ATTENDANCE_SETTINGS.closeEveryMs).toBe(5_000);
    expect(loadAttendanceSettings({ ...common, ATTENDANCE_CLOSE_EVERY_MS: '' })).toEqual({ closeEveryMs: 5_000 });
    expect(loadAttendanceSettings({ ...common, ATTENDANCE_CLOSE_EVERY_MS: '0' })).toEqual({ closeEveryMs: 0 });
    expect(loadAttendanceSettings({ ...common, ATTENDANCE_CLOSE_EVERY_MS: '250' })).toEqual({ closeEveryMs: 250 });
  });

  it.each(['-1', '1.5', '1e3', '0x10', ' 5', 'soon', '86400001'])('refuses ATTENDANCE_CLOSE_EVERY_MS=%j with one line that names it', (value) => {
    const e = errorOf({ ...common, ATTENDANCE_CLOSE_EVERY_MS: value });
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.setting).toBe('ATTENDANCE_CLOSE_EVERY_MS');
    expect(e.message).toMatch(/^ATTENDANCE_CLOSE_EVERY_MS must be a whole number of milliseconds from 0 .* to 86400000$/);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('checks the common settings in the same pass', () => {
    const e = errorOf({ ...common, DATABASE_URL: undefined, ATTENDANCE_CLOSE_EVERY_MS: '100' });
    expect([e.setting, e.message]).toEqual(['DATABASE_URL', expect.stringMatching(/DATABASE_URL is missing/)]);
  });
});
