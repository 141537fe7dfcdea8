import 'reflect-metadata';
import { runService } from '@app/platform';
import { loadNotificationSettings, NotificationSettingsError } from './notification-settings';
import { notificationService } from './notification.service';

let settings;
try {
  settings = loadNotificationSettings();
} catch (err) {
  if (!(err instanceof NotificationSettingsError)) throw err;
  process.stderr.write(`notification: configuration error: ${err.message}\n`);
  process.exit(1);
}
void runService(notificationService(settings));
