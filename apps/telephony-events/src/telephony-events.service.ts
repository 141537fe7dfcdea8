import type { ServiceDefinition } from '@app/platform';
import { TELEPHONY_MIGRATIONS } from '../migrations';

export const TELEPHONY_SERVICE: ServiceDefinition = {
  name: 'telephony-events',
  schema: 'telephony',
  defaultPort: 3001,
  title: 'telephony-events',
  description: 'Call events in; exact per-call facts, queue statistics and real-time alerts out.',
  migrations: TELEPHONY_MIGRATIONS,
  features: [],
};
