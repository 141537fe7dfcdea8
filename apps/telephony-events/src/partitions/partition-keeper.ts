import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { missingRanges, MONTHLY_TABLES, wantedMonths, type PartitionRange } from '../domain/partitions/month-partitions';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallEventStore } from '../store/call-event.store';
import { attachMonth, listPartitions } from '../store/month-partitions.sql';

/** Months turn slowly; twice a day is plenty, and the first pass runs before the service listens. */
const CHECK_EVERY_MS = 12 * 60 * 60 * 1_000;
/** One keeper at a time across instances (pg_advisory_xact_lock key). */
const KEEPER_LOCK = 7_301_020_600;

/**
 * Keeps the month partitions of events, facts and legs ready: every month an accepted event can fall
 * in (the policy's past horizon) up to `partitionMonthsAhead` after the current one. One transaction
 * per month, so a parent table is locked for one short ATTACH at a time. Also forgets event ids
 * past the horizon.
 */
@Injectable()
export class PartitionKeeper extends BackgroundWorker {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policy: TelephonyPolicyStore,
    private readonly events: CallEventStore,
  ) {
    super(CHECK_EVERY_MS);
  }

  protected async work(): Promise<void> {
    await this.ensure();
    await this.forgetExpiredEventIds();
  }

  /**
   * An event older than the past horizon is refused at validation, so its id no longer needs
   * remembering for idempotency (a day's margin for clocks); keeps call_event_id from growing for ever.
   */
  async forgetExpiredEventIds(now = Date.now()): Promise<number> {
    const { values } = await this.policy.current();
    const before = new Date(now - (values.pastHorizonDays + 1) * 86_400_000);
    return this.scope.run(() => this.events.forgetIdsBefore(before));
  }

  override async onApplicationBootstrap(): Promise<void> {
    await this.ensure().catch((err: Error) => this.logger.warn(`month partitions not ready yet (the default partition takes the rows): ${err.message}`));
    super.onApplicationBootstrap();
  }

  /** Creates what is missing; returns the partitions it created. */
  async ensure(now = Date.now()): Promise<PartitionRange[]> {
    const { values } = await this.policy.current();
    const created: PartitionRange[] = [];
    for (const { table, key } of MONTHLY_TABLES) {
      const wanted = wantedMonths(table, now, values.timeZone, values.pastHorizonDays, values.partitionMonthsAhead);
      for (const month of missingRanges(wanted, await this.monthsOf(table), table)) {
        // Checked again under the lock: another instance may have just created it.
        const made = await this.scope.run(async () => {
          await this.scope.manager().query(`SELECT pg_advisory_xact_lock($1)`, [KEEPER_LOCK]);
          const missing = missingRanges([month], await this.monthsOf(table), table);
          for (const range of missing) await attachMonth(this.scope.manager(), table, key, range);
          return missing;
        });
        created.push(...made);
      }
    }
    if (created.length > 0) this.logger.log(`created ${created.length} month partitions: ${created.map((c) => c.name).join(', ')}`);
    return created;
  }

  private async monthsOf(table: string): Promise<Array<{ from: number; to: number }>> {
    const all = await listPartitions(this.scope.manager(), table);
    return all.flatMap((p) => (p.from === null || p.to === null ? [] : [{ from: p.from, to: p.to }]));
  }
}
