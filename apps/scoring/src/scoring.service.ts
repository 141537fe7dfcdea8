import type { ServiceDefinition } from '@app/platform';
import { SCORING_MIGRATIONS } from '../migrations';
import { ScoringModule } from './scoring.module';

export const SCORING_SERVICE: ServiceDefinition = {
  name: 'scoring',
  schema: 'scoring',
  defaultPort: 3004,
  title: 'scoring',
  description: 'Versioned policy, monthly KPIs, composite score, grade, star level, pay lines and month close.',
  migrations: SCORING_MIGRATIONS,
  features: [ScoringModule],
  // A policy document or a what-if draft is small; 2 MB leaves room for large catalogues.
  bodyLimits: { json: '2mb' },
};
