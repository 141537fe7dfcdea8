import { messagingTablesMigration } from '@app/messaging';

export const MessagingTables1763800000000 = messagingTablesMigration('attendance', 1763800000000);
