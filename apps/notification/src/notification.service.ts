import { SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { NOTIFICATION_MIGRATIONS } from '../migrations';
import { NotificationModule, type NotificationAdapters } from './notification.module';
import { NO_NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';

/** The service with its own settings (SMTP, allowed networks); main.ts reads them from the environment, tests pass them (and may swap adapters). */
export function notificationService(settings: NotificationSettings, adapters: NotificationAdapters = {}): ServiceDefinition {
  return {
    name: 'notification',
    schema: 'notification',
    defaultPort: 3005,
    title: 'notification',
    description: 'Alert delivery by webhook (signed, retried, circuit-broken), e-mail and in-app inbox, with routing rules, flood grouping and a delivery log.',
    migrations: NOTIFICATION_MIGRATIONS,
    features: [NotificationModule.register(settings, adapters)],
    publishes: [SUBJECTS.notification.conductAcknowledged],
    // Handling an alert writes rows only (sending is the delivery worker's), but its deliveries wait
    // for the commit: small batches keep that wait short.
    jetstream: { maxBatch: 8 },
  };
}

/** For tools that only need the name, schema and migrations (no SMTP). */
export const NOTIFICATION_SERVICE: ServiceDefinition = notificationService(NO_NOTIFICATION_SETTINGS);
