import type { ServiceDefinition } from '@app/platform';
import { TELEPHONY_MIGRATIONS } from '../migrations';
import { TelephonyModule } from './telephony.module';

export const TELEPHONY_SERVICE: ServiceDefinition = {
  name: 'telephony-events',
  schema: 'telephony',
  defaultPort: 3001,
  title: 'telephony-events',
  description: 'Call events in; exact per-call facts, queue statistics and real-time alerts out.',
  migrations: TELEPHONY_MIGRATIONS,
  features: [TelephonyModule],
  // 5,000 canonical events are ~2 MB of JSON; 1,000 Connect CTRs ~3 MB. A JSON body is parsed
  // whole before any cap can look at it, and 4 MB of `{}` is already ~80 MB of heap: no larger.
  // A queue_log upload is parsed in chunks, but the body itself is held whole: 32 MB is ~470,000
  // lines, one string within the service's 128 MB heap.
  bodyLimits: { json: '4mb', text: '32mb' },
};
