import type { ServiceDefinition } from '@app/platform';
import { SCORING_MIGRATIONS } from '../migrations';

export const SCORING_SERVICE: ServiceDefinition = {
  name: 'scoring',
  schema: 'scoring',
  defaultPort: 3004,
  title: 'scoring',
  description: 'Versioned policy, monthly KPIs, composite score, grade, star level, pay lines and month close.',
  migrations: SCORING_MIGRATIONS,
  features: [],
};
