import type { ServiceDefinition } from '@app/platform';
import { QA_MIGRATIONS } from '../migrations';
import { QaModule } from './qa.module';

export const QA_SERVICE: ServiceDefinition = {
  name: 'qa-evaluation',
  schema: 'qa',
  defaultPort: 3002,
  title: 'qa-evaluation',
  description: 'Checklist-form call evaluations, monthly appraisals, conduct records, complaints, appeals and calibration.',
  migrations: QA_MIGRATIONS,
  features: [QaModule],
};
