import { alertSubject, SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { TELEPHONY_MIGRATIONS } from '../migrations';
import { ALERT_TITLES } from './domain/alerts/alert-texts';
import { TelephonyModule } from './telephony.module';
import { telephonySettings, type TelephonySettings } from './telephony-settings';

/** The service with its own settings (main.ts reads them from the environment; tests pass theirs). */
export const telephonyService = (settings: TelephonySettings = telephonySettings()): ServiceDefinition => ({
  name: 'telephony-events',
  schema: 'telephony',
  defaultPort: 3001,
  title: 'telephony-events',
  description: 'Call events in; exact per-call facts, queue statistics and real-time alerts out.',
  migrations: TELEPHONY_MIGRATIONS,
  features: [TelephonyModule.register(settings)],
  publishes: [SUBJECTS.telephony.callSummarized, ...Object.keys(ALERT_TITLES).map(alertSubject)],
  // 5,000 canonical events are ~2 MB of JSON (~90,000 values); 1,000 Connect CTRs ~3 MB (~150,000).
  // A JSON body is parsed whole before any cap can look at it: 4 MB of `{}` would be ~80 MB of heap,
  // so at most 300,000 values are parsed (counted first, without allocating).
  // A queue_log upload is read as a stream (@StreamedBody), 4,000 lines at a time, so its cap bounds
  // the request's duration, not the heap: 256 MB is ~3.7 million lines, several days of a big centre.
  // A batch item nested thousands deep is refused on its own (validate-call-event), not the batch:
  // the platform's default depth (64) would refuse the whole request.
  bodyLimits: { json: '4mb', text: '32mb', streamed: '256mb', jsonValues: 300_000, jsonDepth: 8_192 },
});

/** With the default settings (recordings in `./recordings`). */
export const TELEPHONY_SERVICE: ServiceDefinition = telephonyService();
