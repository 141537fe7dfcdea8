import { SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { ATTENDANCE_MIGRATIONS } from '../migrations';
import { DEFAULT_ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance-settings';
import { AttendanceModule } from './attendance.module';

/** The service with its own settings: main.ts reads them from the environment, tests pass them. */
export function attendanceService(settings: AttendanceSettings): ServiceDefinition {
  return {
    name: 'attendance',
    schema: 'attendance',
    defaultPort: 3003,
    title: 'attendance',
    description: 'Agents, shifts, rosters, clock events, leave, holidays and shift swaps; days closed and published for scoring.',
    migrations: ATTENDANCE_MIGRATIONS,
    features: [AttendanceModule.register(settings)],
    publishes: [SUBJECTS.attendance.agentUpserted, SUBJECTS.attendance.dayClosed, SUBJECTS.attendance.violationRecorded],
    // 5,000 clock events are ~0.6 MB of JSON; a month's roster of 2,000 agents is uploaded in parts.
    bodyLimits: { json: '8mb', text: '8mb' },
    // A month's close publishes tens of thousands of days: larger relay batches keep up with it.
    relay: { batchSize: 1_000 },
  };
}

/** With the default settings (the worker closes days every 5 s), for tools and tests that start it as it ships. */
export const ATTENDANCE_SERVICE: ServiceDefinition = attendanceService(DEFAULT_ATTENDANCE_SETTINGS);
