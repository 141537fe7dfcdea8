import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { localDayEnd, localDayOf, localDayStart } from './agent-leg-rollup.days';
import { localHourPieces, notedHours } from './queue-hour-rollup.hours';
import { callSumColumns, callSumsOfSums, localHourOfCall, sumsOverCalls, waitBinOfCall } from './queue-hour-rollup.sums';

/** The zone that cuts the days, the wait-bin width and the service-level target the rollup was built with. */
export interface QueueRollupBasis {
  timeZone: string;
  binMs: number;
  targetMs: number;
}

/**
 * The per-queue local-hour sums of call_facts (telephony.queue_hour_sum), the same summed over the
 * queues (telephony.queue_hour_total, what a report of every queue reads), and their upkeep, as
 * AgentLegRollup keeps agent_leg_day. Every method but claim() expects the caller to hold the claim in
 * its open transaction.
 */
export abstract class QueueHourRollup {
  /** Takes the upkeep for the open transaction; false when another instance has it (skip). */
  abstract claim(): Promise<boolean>;
  /** What the rollup was built with; null when it never was. */
  abstract basis(): Promise<QueueRollupBasis | null>;
  /** Empties the rollup, marks every local day that can hold queued calls for recomputing, records `basis`. */
  abstract rebuild(basis: QueueRollupBasis): Promise<void>;
  /** Recomputes up to `maxDays` local days with noted changes; returns how many. */
  abstract refreshChangedDays(basis: QueueRollupBasis, maxDays: number): Promise<number>;
}

@Injectable()
export class PgQueueHourRollup extends QueueHourRollup {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  private q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.scope.manager().query(sql, params);
  }

  async claim(): Promise<boolean> {
    const [r] = await this.q<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('telephony.queue_hour_sum')) AS ok`);
    return r.ok;
  }

  async basis(): Promise<QueueRollupBasis | null> {
    const [r] = await this.q<{ time_zone: string; bin_ms: number; target_ms: number }>(
      `SELECT time_zone, bin_ms, target_ms FROM telephony.queue_hour_basis WHERE id = 1`,
    );
    return r ? { timeZone: r.time_zone, binMs: r.bin_ms, targetMs: r.target_ms } : null;
  }

  async rebuild(basis: QueueRollupBasis): Promise<void> {
    // DELETE, not TRUNCATE: see PgAgentLegRollup.rebuild (requests read the calls meanwhile).
    await this.q(`DELETE FROM telephony.queue_hour_sum`);
    await this.q(`DELETE FROM telephony.queue_hour_total`);
    // Every hour of every day from the first arrival to the last (from the partial index on arrival_at),
    // as notes: the statistics read an hour with a note from the calls, so none may answer from the
    // emptied rollup. One an hour from the first local midnight to the last marks each local hour.
    await this.q(
      `INSERT INTO telephony.queue_call_change (at)
       SELECT generate_series(${localDayStart(localDayOf('span.first', '$1'), '$1')}, ${localDayEnd(localDayOf('span.last', '$1'), '$1')} - interval '1 microsecond', interval '1 hour')
       FROM (SELECT min(arrival_at) AS first, max(arrival_at) AS last FROM telephony.call_facts WHERE in_queue) AS span
       WHERE span.first IS NOT NULL`,
      [basis.timeZone],
    );
    await this.q(
      `INSERT INTO telephony.queue_hour_basis (id, time_zone, bin_ms, target_ms) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone, bin_ms = EXCLUDED.bin_ms, target_ms = EXCLUDED.target_ms, built_at = now()`,
      [basis.timeZone, basis.binMs, basis.targetMs],
    );
  }

  async refreshChangedDays(basis: QueueRollupBasis, maxDays: number): Promise<number> {
    // As PgAgentLegRollup.refreshChangedDays: a note seen and deleted here has its calls seen by the
    // recompute below; one not yet committed stays for the next pass. Latest days first; of a day,
    // only the local hours with notes (the whole day when a zone transition keeps it in one piece),
    // so a day being written costs its changed hours, not its every call, each pass.
    const taken = await this.q<{ day: string; hour: string }>(
      `WITH taken AS (
         DELETE FROM telephony.queue_call_change WHERE ${localDayOf('at', '$1')} IN (
           SELECT DISTINCT ${localDayOf('at', '$1')} FROM telephony.queue_call_change ORDER BY 1 DESC LIMIT $2
         ) RETURNING at
       ) SELECT DISTINCT day::text AS day, hour::text AS hour FROM (${notedHours('taken', '$1')}) AS p`,
      [basis.timeZone, maxDays],
    );
    if (taken.length === 0) return 0;
    const days = [...new Set(taken.map((r) => r.day))];
    const pieces = `SELECT p.* FROM (${localHourPieces(`(SELECT day, ${localDayStart('day', '$2')} AS lo, ${localDayEnd('day', '$2')} AS hi FROM unnest($1::date[]) AS day)`)}) AS p
      WHERE p.hour IS NULL OR p.hour = ANY($3::timestamp[])`;
    const params = [days, basis.timeZone, taken.map((r) => r.hour)];
    for (const table of ['queue_hour_sum', 'queue_hour_total']) {
      await this.q(`DELETE FROM telephony.${table} s USING (${pieces}) AS p WHERE s.day = p.day AND (p.hour IS NULL OR s.hour = p.hour)`, params);
    }
    // first_event_at < hi: a call's first event is never after its arrival, so later months are not read.
    await this.q(
      `INSERT INTO telephony.queue_hour_sum (day, hour, queue, bin, ${callSumColumns()})
       SELECT p.day, ${localHourOfCall('$2')} AS hour, f.queue, ${waitBinOfCall('$4')} AS bin, ${sumsOverCalls('$5')}
       FROM (${pieces}) AS p
       JOIN telephony.call_facts f ON f.in_queue AND f.arrival_at >= p.lo AND f.arrival_at < p.hi AND f.first_event_at < p.hi
       GROUP BY p.day, 2, f.queue, 4`,
      [...params, basis.binMs, basis.targetMs],
    );
    await this.q(
      `INSERT INTO telephony.queue_hour_total (day, hour, bin, ${callSumColumns()})
       SELECT s.day, s.hour, s.bin, ${callSumsOfSums()}
       FROM (${pieces}) AS p JOIN telephony.queue_hour_sum s ON s.day = p.day AND (p.hour IS NULL OR s.hour = p.hour)
       GROUP BY s.day, s.hour, s.bin`,
      params,
    );
    return days.length;
  }
}
