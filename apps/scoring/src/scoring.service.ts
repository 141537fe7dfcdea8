import { alertSubject, SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { SCORING_MIGRATIONS } from '../migrations';
import { SCORING_ALERT_KINDS } from './domain/scoring/scorecard';
import { ScoringModule } from './scoring.module';

export const SCORING_SERVICE: ServiceDefinition = {
  name: 'scoring',
  schema: 'scoring',
  defaultPort: 3004,
  title: 'scoring',
  description: 'Versioned policy, monthly KPIs, composite score, grade, star level, pay lines and month close.',
  migrations: SCORING_MIGRATIONS,
  features: [ScoringModule],
  publishes: [SUBJECTS.scoring.scoreFinalized, SUBJECTS.scoring.scoreRevised, SUBJECTS.scoring.policyActivated, ...SCORING_ALERT_KINDS.map(alertSubject)],
  // A policy document or a what-if draft is small; 2 MB leaves room for large catalogues.
  bodyLimits: { json: '2mb' },
  // Pulled ahead so a call batch can fill (the call consumer takes up to 500 at once).
  jetstream: { prefetch: 1_000 },
};
