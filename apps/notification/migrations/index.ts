import { MessagingTables1763800000000 } from './1763800000000-messaging-tables';
import { NotificationTables1763800000100 } from './1763800000100-notification-tables';
import { DefaultRoutingRules1763800000200 } from './1763800000200-default-routing-rules';
import { ExitRulePointsLimit1763800000300 } from './1763800000300-exit-rule-points-limit';
import { DeliveryLogOrder1763800000400 } from './1763800000400-delivery-log-order';

/** In order of application; listed explicitly so the bundled build needs no file globbing. */
export const NOTIFICATION_MIGRATIONS = [MessagingTables1763800000000, NotificationTables1763800000100, DefaultRoutingRules1763800000200, ExitRulePointsLimit1763800000300, DeliveryLogOrder1763800000400];
