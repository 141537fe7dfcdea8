import { resolve } from 'node:path';
import { ConfigError, loadServiceEnvironment } from '@app/platform';
import { TelephonyEnvironment, telephonySettings } from './telephony-settings';

const BASE = { DATABASE_URL: 'postgres://x@localhost/db', NATS_URL: 'nats://localhost:4222', AUTH_JWT_SECRET: '0123456789abcdef0123' };

describe('telephony-events settings', () => {
  it('reads RECORDINGS_DIR with the shared settings, made absolute; ./recordings when unset', () => {
    expect(telephonySettings(loadServiceEnvironment(TelephonyEnvironment, { ...BASE, RECORDINGS_DIR: '/var/spool/asterisk/monitor' }))).toEqual({ recordingsDir: '/var/spool/asterisk/monitor', summarizerLanes: 3 });
    expect(telephonySettings(loadServiceEnvironment(TelephonyEnvironment, { ...BASE, RECORDINGS_DIR: 'data/rec/' }))).toEqual({ recordingsDir: resolve('data/rec'), summarizerLanes: 3 });
    expect(telephonySettings(loadServiceEnvironment(TelephonyEnvironment, BASE))).toEqual({ recordingsDir: resolve('recordings'), summarizerLanes: 3 });
  });

  it('stops the start naming RECORDINGS_DIR when it is not a path', () => {
    expect(() => loadServiceEnvironment(TelephonyEnvironment, { ...BASE, RECORDINGS_DIR: '/rec\nx' })).toThrow(
      expect.objectContaining({ constructor: ConfigError, setting: 'RECORDINGS_DIR', message: 'RECORDINGS_DIR must be a directory path' }),
    );
  });

  it('reads SUMMARIZER_LANES as a whole number from 1 to 16', () => {
    expect(telephonySettings(loadServiceEnvironment(TelephonyEnvironment, { ...BASE, SUMMARIZER_LANES: '4' })).summarizerLanes).toBe(4);
    for (const bad of ['0', '17', '1.5', '2e0', ' 2', 'two']) {
      expect(() => loadServiceEnvironment(TelephonyEnvironment, { ...BASE, SUMMARIZER_LANES: bad })).toThrow(
        expect.objectContaining({ setting: 'SUMMARIZER_LANES', message: 'SUMMARIZER_LANES must be a whole number from 1 to 16' }),
      );
    }
  });
});
