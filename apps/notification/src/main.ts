import 'reflect-metadata';
import { runService } from '@app/platform';
import { loadNotificationSettings } from './notification-settings';
import { notificationService } from './notification.service';

void runService('notification', () => notificationService(loadNotificationSettings()));
