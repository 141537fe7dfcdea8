import { MessagingTables1763800000000 } from './1763800000000-messaging-tables';
import { TelephonyTables1763800000100 } from './1763800000100-telephony-tables';
import { RejectionTextAndSetAside1763800000200 } from './1763800000200-rejection-text-and-set-aside';
import { ReportFigures1763800000300 } from './1763800000300-report-figures';
import { LiveStateIndex1763800000400 } from './1763800000400-live-state-index';
import { RingingSince1763800000500 } from './1763800000500-ringing-since';
import { MonthlyPartitions1763800000600 } from './1763800000600-monthly-partitions';
import { AgentLegRollup1763800000700 } from './1763800000700-agent-leg-rollup';
import { AgentTeams1763800000800 } from './1763800000800-agent-teams';
import { QueueHourRollup1763800000900 } from './1763800000900-queue-hour-rollup';
import { QueueHourTotal1763800001000 } from './1763800001000-queue-hour-total';

/** In order of application; listed explicitly so the bundled build needs no file globbing. */
export const TELEPHONY_MIGRATIONS = [
  MessagingTables1763800000000, TelephonyTables1763800000100, RejectionTextAndSetAside1763800000200, ReportFigures1763800000300,
  LiveStateIndex1763800000400, RingingSince1763800000500, MonthlyPartitions1763800000600,
  AgentLegRollup1763800000700, AgentTeams1763800000800, QueueHourRollup1763800000900, QueueHourTotal1763800001000,
];
