import { MessagingTables1763800000000 } from './1763800000000-messaging-tables';
import { ScoringTables1763800000100 } from './1763800000100-scoring-tables';
import { SeedPolicies1763800000200 } from './1763800000200-seed-policies';
import { ConductWarning1763800000300 } from './1763800000300-conduct-warning';
import { EvaluationMonthOfCall1763800000400 } from './1763800000400-evaluation-month-of-call';
import { SecondRoundReadings1763800000500 } from './1763800000500-second-round-readings';
import { AutoEvaluation1763800000600 } from './1763800000600-auto-evaluation';

/** In order of application; listed explicitly so the bundled build needs no file globbing. */
export const SCORING_MIGRATIONS = [MessagingTables1763800000000, ScoringTables1763800000100, SeedPolicies1763800000200, ConductWarning1763800000300, EvaluationMonthOfCall1763800000400, SecondRoundReadings1763800000500, AutoEvaluation1763800000600];
