import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { TableActivity, UpkeepThresholds } from '../domain/upkeep/tables-due';

export const UPKEEP_SCHEMA = 'telephony';

/** The server's view of this service's tables, and the two commands that keep them. */
export abstract class TableUpkeepStore {
  /** Whether the server's autovacuum is on (then it does this work itself). */
  abstract autovacuumOn(): Promise<boolean>;
  /** The server's thresholds and how often autovacuum would look (ms). */
  abstract thresholds(): Promise<UpkeepThresholds & { everyMs: number }>;
  abstract activity(): Promise<TableActivity[]>;
  abstract vacuum(table: string): Promise<void>;
  abstract analyze(table: string): Promise<void>;
}

@Injectable()
export class PgTableUpkeepStore extends TableUpkeepStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  // Outside any transaction: VACUUM cannot run inside one, and these statements need none.
  private q<T>(sql: string): Promise<T[]> {
    return this.scope.dataSource.query(sql);
  }

  async autovacuumOn(): Promise<boolean> {
    const [r] = await this.q<{ on: boolean }>(`SELECT current_setting('autovacuum')::boolean AS on`);
    return r.on;
  }

  async thresholds(): Promise<UpkeepThresholds & { everyMs: number }> {
    const [r] = await this.q<Record<string, string>>(
      `SELECT current_setting('autovacuum_vacuum_threshold') AS vb, current_setting('autovacuum_vacuum_scale_factor') AS vs,
              current_setting('autovacuum_analyze_threshold') AS ab, current_setting('autovacuum_analyze_scale_factor') AS as,
              (SELECT setting FROM pg_settings WHERE name = 'autovacuum_naptime') AS nap`,
    );
    return { vacuumBase: Number(r.vb), vacuumScale: Number(r.vs), analyzeBase: Number(r.ab), analyzeScale: Number(r.as), everyMs: Number(r.nap) * 1_000 };
  }

  async activity(): Promise<TableActivity[]> {
    const rows = await this.q<{ relname: string; live: string; dead: string; changed: string }>(
      `SELECT relname, n_live_tup AS live, n_dead_tup AS dead, n_mod_since_analyze AS changed
       FROM pg_stat_user_tables WHERE schemaname = '${UPKEEP_SCHEMA}'`,
    );
    return rows.map((r) => ({ table: r.relname, liveRows: Number(r.live), deadRows: Number(r.dead), changedSinceAnalyze: Number(r.changed) }));
  }

  async vacuum(table: string): Promise<void> {
    await this.q(`VACUUM (ANALYZE) ${UPKEEP_SCHEMA}.${quoteIdent(table)}`);
  }

  async analyze(table: string): Promise<void> {
    await this.q(`ANALYZE ${UPKEEP_SCHEMA}.${quoteIdent(table)}`);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
