import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, PageQuery, type Page } from '@app/platform';
import { MONTHLY_TABLES } from '../domain/partitions/month-partitions';
import { localIso } from '../domain/reports/report-window';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { partitionsPage } from '../store/month-partitions.sql';

/** `GET /v1/admin/partitions?limit=&cursor=`. */
export class ListPartitionsQuery extends PageQuery {}

export interface PartitionView {
  table: string;
  partition: string;
  /** Null for the default partition. */
  from: string | null;
  to: string | null;
  /** PostgreSQL's estimate (as of the last ANALYZE), not a count: counting would read every month. */
  rowsEstimate: number;
}

/** The month partitions of events, facts and legs, for an administrator choosing what to archive: by table, then by name. */
@Injectable()
export class ListPartitions {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  async execute(q: ListPartitionsQuery): Promise<Page<PartitionView>> {
    const { values } = await this.policy.current();
    const key = cursorKey(q, ['string', 'string']);
    const limit = limitOf(q);
    const after = key && { table: key[0] as string, name: key[1] as string };
    const tables = MONTHLY_TABLES.map((t) => t.table);
    const rows = await this.scope.run(() => partitionsPage(this.scope.manager(), tables, after, limit + 1));
    const local = (ms: number | null) => (ms === null ? null : localIso(ms, values.timeZone));
    return mapPage(pageOf(rows, limit, (p) => [p.table, p.name]), (p) => ({
      table: p.table, partition: p.name, from: local(p.from), to: local(p.to), rowsEstimate: p.rowsEstimate,
    }));
  }
}
