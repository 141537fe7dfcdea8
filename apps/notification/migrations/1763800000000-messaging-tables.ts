import { messagingTablesMigration } from '@app/messaging';

export const MessagingTables1763800000000 = messagingTablesMigration('notification', 1763800000000);
