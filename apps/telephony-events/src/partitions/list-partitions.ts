import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { MONTHLY_TABLES } from '../domain/partitions/month-partitions';
import { localIso } from '../domain/reports/report-window';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { listPartitions } from '../store/month-partitions.sql';

export interface PartitionView {
  table: string;
  partition: string;
  /** Null for the default partition. */
  from: string | null;
  to: string | null;
  /** PostgreSQL's estimate (as of the last ANALYZE), not a count: counting would read every month. */
  rowsEstimate: number;
}

/** The month partitions of events, facts and legs, for an administrator choosing what to archive. */
@Injectable()
export class ListPartitions {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  async execute(): Promise<PartitionView[]> {
    const { values } = await this.policy.current();
    const out: PartitionView[] = [];
    for (const { table } of MONTHLY_TABLES) {
      for (const p of await this.scope.run(() => listPartitions(this.scope.manager(), table))) {
        out.push({
          table, partition: p.name, rowsEstimate: p.rowsEstimate,
          from: p.from === null ? null : localIso(p.from, values.timeZone), to: p.to === null ? null : localIso(p.to, values.timeZone),
        });
      }
    }
    return out;
  }
}
