import { alertSubject, SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { SCORING_MIGRATIONS } from '../migrations';
import { SCORING_ALERT_KINDS } from './domain/scoring/scorecard';
import { EMBEDDED_SCORING_SETTINGS, type ScoringSettings } from './scoring-settings';
import { ScoringModule } from './scoring.module';

/** The service with its own settings: main.ts reads them from the environment, tests pass them. */
export function scoringService(settings: ScoringSettings): ServiceDefinition {
  return {
    name: 'scoring',
    schema: 'scoring',
    defaultPort: 3004,
    title: 'scoring',
    description: 'Versioned policy, monthly KPIs, composite score, grade, star level, pay lines and month close.',
    migrations: SCORING_MIGRATIONS,
    features: [ScoringModule.register(settings)],
    publishes: [SUBJECTS.scoring.scoreFinalized, SUBJECTS.scoring.scoreRevised, SUBJECTS.scoring.policyActivated, ...SCORING_ALERT_KINDS.map(alertSubject)],
    // A policy document or a what-if draft is small; 2 MB leaves room for large catalogues.
    bodyLimits: { json: '2mb' },
    // Pulled ahead so a call batch can fill (the call consumer takes up to 500 at once).
    jetstream: { prefetch: 1_000 },
  };
}

/**
 * For tools and the tests that start every service in one process: auto-close off, as each of them asked
 * (with SCORING_AUTO_CLOSE=false) before settings were read at start-up. The process itself: main.ts.
 */
export const SCORING_SERVICE: ServiceDefinition = scoringService(EMBEDDED_SCORING_SETTINGS);
