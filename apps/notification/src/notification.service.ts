import type { ServiceDefinition } from '@app/platform';
import { NOTIFICATION_MIGRATIONS } from '../migrations';

export const NOTIFICATION_SERVICE: ServiceDefinition = {
  name: 'notification',
  schema: 'notification',
  defaultPort: 3005,
  title: 'notification',
  description: 'Alert delivery by webhook, e-mail and in-app inbox.',
  migrations: NOTIFICATION_MIGRATIONS,
  features: [],
};
