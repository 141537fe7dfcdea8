import { messagingTablesMigration } from '@app/messaging';

export const MessagingTables1763800000000 = messagingTablesMigration('telephony', 1763800000000);
