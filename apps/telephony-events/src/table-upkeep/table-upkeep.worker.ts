import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@app/platform';
import { tablesDue } from '../domain/upkeep/tables-due';
import { TableUpkeepStore } from './table-upkeep.store';

/** Until the first pass has read the server's autovacuum_naptime. */
const FIRST_LOOK_MS = 60_000;

/**
 * Stands in for autovacuum on this service's tables when the server has it off (as this project's CI
 * server does). Without it the hot tables decay: the dirty-call queue and the rollups rewrite their rows
 * all day, so dead rows pile up under every claim and read, and a month's partitions fill with no
 * statistics, so the planner scans them whole (bench:ingest fell round after round). It applies the
 * server's own thresholds at autovacuum's own pace, and does nothing where autovacuum runs. Every
 * instance may run it: two VACUUMs of one table simply take turns.
 */
@Injectable()
export class TableUpkeepWorker extends BackgroundWorker {
  private everyMs = FIRST_LOOK_MS;
  private lastPassAt = 0;

  constructor(private readonly store: TableUpkeepStore) {
    // Polled often but acting at the server's naptime: the loop's period is fixed at construction.
    super(5_000);
  }

  protected async work(): Promise<unknown> {
    if (Date.now() - this.lastPassAt < this.everyMs) return 0;
    this.lastPassAt = Date.now();
    return this.pass();
  }

  /** One look at the tables; returns what it vacuumed and analyzed (nothing while autovacuum is on). */
  async pass(): Promise<{ vacuumed: string[]; analyzed: string[] }> {
    if (await this.store.autovacuumOn()) return { vacuumed: [], analyzed: [] };
    const { everyMs, ...thresholds } = await this.store.thresholds();
    this.everyMs = everyMs;
    const due = tablesDue(await this.store.activity(), thresholds);
    for (const table of due.vacuum) await this.store.vacuum(table);
    for (const table of due.analyze) await this.store.analyze(table);
    return { vacuumed: due.vacuum, analyzed: due.analyze };
  }
}
