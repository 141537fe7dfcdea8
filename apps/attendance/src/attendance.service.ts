import type { ServiceDefinition } from '@app/platform';
import { ATTENDANCE_MIGRATIONS } from '../migrations';

export const ATTENDANCE_SERVICE: ServiceDefinition = {
  name: 'attendance',
  schema: 'attendance',
  defaultPort: 3003,
  title: 'attendance',
  description: 'Agents, shifts, rosters, clock events, leave, holidays and shift swaps.',
  migrations: ATTENDANCE_MIGRATIONS,
  features: [],
};
