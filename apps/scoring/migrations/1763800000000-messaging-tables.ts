import { messagingTablesMigration } from '@app/messaging';

export const MessagingTables1763800000000 = messagingTablesMigration('scoring', 1763800000000);
