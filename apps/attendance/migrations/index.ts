import { MessagingTables1763800000000 } from './1763800000000-messaging-tables';
import { AttendanceTables1763800000100 } from './1763800000100-attendance-tables';
import { AgentLevelEffectiveFrom1763800000200 } from './1763800000200-agent-level-effective-from';
import { SwapListOrder1763800000300 } from './1763800000300-swap-list-order';

/** In order of application; listed explicitly so the bundled build needs no file globbing. */
export const ATTENDANCE_MIGRATIONS = [MessagingTables1763800000000, AttendanceTables1763800000100, AgentLevelEffectiveFrom1763800000200, SwapListOrder1763800000300];
