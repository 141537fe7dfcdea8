import { BackgroundWorker, ConfigError } from '@app/platform';
import { AutoCloseWorker } from './close-period/auto-close.worker';
import type { ClosePeriod } from './close-period/close-period';
import { loadScoringSettings, type ScoringSettings } from './scoring-settings';
import type { FactsStore } from './store/facts.store';
import type { PeriodStore } from './store/period.store';
import type { PolicyStore } from './store/policy.store';

const common = { DATABASE_URL: 'postgres://u@localhost:5432/db', NATS_URL: 'nats://127.0.0.1:4222', AUTH_JWT_SECRET: 'a-secret-of-enough-length' };

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadScoringSettings(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

/** Whether the worker starts its loop at bootstrap under these settings (the loop itself is not run). */
function startsLoop(settings: ScoringSettings): boolean {
  const start = jest.spyOn(BackgroundWorker.prototype, 'onApplicationBootstrap').mockImplementation(() => undefined);
  try {
    const unused = {} as never;
    new AutoCloseWorker(unused as PeriodStore, unused as PolicyStore, unused as ClosePeriod, unused as FactsStore, settings).onApplicationBootstrap();
    return start.mock.calls.length > 0;
  } finally {
    start.mockRestore();
  }
}

describe('scoring settings', () => {
  it('closes by itself unless SCORING_AUTO_CLOSE says false or 0', () => {
    expect(loadScoringSettings({ ...common })).toEqual({ autoClose: true });
    expect(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: '' })).toEqual({ autoClose: true });
    expect(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: 'true' })).toEqual({ autoClose: true });
    expect(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: '1' })).toEqual({ autoClose: true });
    expect(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: 'false' })).toEqual({ autoClose: false });
    expect(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: '0' })).toEqual({ autoClose: false });
  });

  it('SCORING_AUTO_CLOSE=0 keeps the auto-close worker from starting; the default starts it', () => {
    expect(startsLoop(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: '0' }))).toBe(false);
    expect(startsLoop(loadScoringSettings({ ...common, SCORING_AUTO_CLOSE: 'false' }))).toBe(false);
    expect(startsLoop(loadScoringSettings({ ...common }))).toBe(true);
  });

  it.each(['no', 'off', 'TRUE', '2', ' 0'])('refuses SCORING_AUTO_CLOSE=%j with one line that names it', (value) => {
    const e = errorOf({ ...common, SCORING_AUTO_CLOSE: value });
    expect(e).toBeInstanceOf(ConfigError);
    expect([e.setting, e.message]).toEqual(['SCORING_AUTO_CLOSE', 'SCORING_AUTO_CLOSE must be true or false (1 or 0)']);
  });

  it('checks the common settings in the same pass', () => {
    const e = errorOf({ ...common, DATABASE_URL: undefined, SCORING_AUTO_CLOSE: '0' });
    expect([e.setting, e.message]).toEqual(['DATABASE_URL', expect.stringMatching(/DATABASE_URL is missing/)]);
  });
});
