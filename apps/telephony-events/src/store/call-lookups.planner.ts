import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';

/**
 * How a derivation's transaction reads: every statement in it finds rows by call id (events, versions,
 * legs, the rollups' change notes), a few hundred ids at a time, and an index is always right for that.
 * The planner cannot know it for a month's partition that filled since its last ANALYZE: `= ANY(500 ids)`
 * then looks unselective, and it scanned the whole partition — bench:ingest's rate fell round after round
 * as the month grew (500 versions read 3,900 → 11,600 buffers over three rounds; after, constant).
 * Autovacuum's ANALYZE cannot be counted on to keep up: it runs after 10 % of a partition changed, may
 * be off or behind, and a new month starts with no statistics at all.
 */
export abstract class CallLookupsPlanner {
  /** For the rest of the open transaction: look rows up by index, never by scanning a partition. */
  abstract byIndex(): Promise<void>;
}

@Injectable()
export class PgCallLookupsPlanner extends CallLookupsPlanner {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async byIndex(): Promise<void> {
    await this.scope.manager().query(`SET LOCAL enable_seqscan = off`);
  }
}
