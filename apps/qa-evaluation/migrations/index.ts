import { MessagingTables1763800000000 } from './1763800000000-messaging-tables';
import { QaTables1763800000200 } from './1763800000200-qa-tables';
import { QaSeed1763800000300 } from './1763800000300-qa-seed';
import { FinalizedScorecards1763800000400 } from './1763800000400-finalized-scorecards';
import { ComplaintCategories1763800000500 } from './1763800000500-complaint-categories';
import { KnowledgeErrorItem1763800000600 } from './1763800000600-knowledge-error-item';
import { ConductRecordDateCategory1763800000700 } from './1763800000700-conduct-record-date-category';
import { AttendanceDayCopy1763800000800 } from './1763800000800-attendance-day-copy';
import { SpeechQa1763800000900 } from './1763800000900-speech-qa';
import { ListKeys1763800001000 } from './1763800001000-list-keys';
import { AgentSupervisorIndex1763800001100 } from './1763800001100-agent-supervisor-index';

/** In order of application; listed explicitly so the bundled build needs no file globbing. */
export const QA_MIGRATIONS = [
  MessagingTables1763800000000, QaTables1763800000200, QaSeed1763800000300, FinalizedScorecards1763800000400,
  ComplaintCategories1763800000500, KnowledgeErrorItem1763800000600, ConductRecordDateCategory1763800000700, AttendanceDayCopy1763800000800,
  SpeechQa1763800000900, ListKeys1763800001000, AgentSupervisorIndex1763800001100,
];
