import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { localDayEnd, localDayOf, localDayStart } from './agent-leg-rollup.days';
import { columnList, sumsOverLegs, waitBinOfLeg } from './agent-leg-rollup.sums';

/** The time zone that cuts the days and the wait-bin width the rollup was built with. */
export interface RollupBasis {
  timeZone: string;
  binMs: number;
}

/**
 * The daily per-agent sums of call_leg (telephony.agent_leg_day) and their upkeep. Every method
 * but claim() expects the caller to hold the claim in its open transaction.
 */
export abstract class AgentLegRollup {
  /** Takes the upkeep for the open transaction; false when another instance has it (skip). */
  abstract claim(): Promise<boolean>;
  /** What the rollup was built with; null when it never was. */
  abstract basis(): Promise<RollupBasis | null>;
  /** Empties the rollup, marks every local day that can hold legs for recomputing, records `basis`. */
  abstract rebuild(basis: RollupBasis): Promise<void>;
  /** Recomputes up to `maxDays` local days with noted changes; returns how many. */
  abstract refreshChangedDays(basis: RollupBasis, maxDays: number): Promise<number>;
}

@Injectable()
export class PgAgentLegRollup extends AgentLegRollup {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  private q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.scope.manager().query(sql, params);
  }

  async claim(): Promise<boolean> {
    const [r] = await this.q<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('telephony.agent_leg_day')) AS ok`);
    return r.ok;
  }

  async basis(): Promise<RollupBasis | null> {
    const [r] = await this.q<{ time_zone: string; bin_ms: number }>(`SELECT time_zone, bin_ms FROM telephony.agent_leg_basis WHERE id = 1`);
    return r ? { timeZone: r.time_zone, binMs: r.bin_ms } : null;
  }

  async rebuild(basis: RollupBasis): Promise<void> {
    // DELETE, not TRUNCATE: TRUNCATE's exclusive lock would stall every statistics request until
    // commit; under the old basis those requests read raw legs anyway.
    await this.q(`DELETE FROM telephony.agent_leg_day`);
    // Every day from the first leg to the last (min and max come from the index on at), as notes at
    // their starts: days without legs recompute to nothing.
    await this.q(
      `INSERT INTO telephony.agent_leg_change (at)
       SELECT ${localDayStart('d::date', '$1')}
       FROM (SELECT min(at) AS first, max(at) AS last FROM telephony.call_leg) AS span,
            generate_series(${localDayOf('span.first', '$1')}::timestamp, ${localDayOf('span.last', '$1')}::timestamp, interval '1 day') AS d
       WHERE span.first IS NOT NULL`,
      [basis.timeZone],
    );
    await this.q(
      `INSERT INTO telephony.agent_leg_basis (id, time_zone, bin_ms) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone, bin_ms = EXCLUDED.bin_ms, built_at = now()`,
      [basis.timeZone, basis.binMs],
    );
  }

  async refreshChangedDays(basis: RollupBasis, maxDays: number): Promise<number> {
    // Read committed: a writer's note is either seen (and deleted) here, and then its legs are seen
    // by the recompute below, which reads later; or not seen, and it stays for the next pass. The
    // latest days first: they are the ones being read while calls still arrive.
    const taken = await this.q<{ day: string }>(
      `WITH taken AS (
         DELETE FROM telephony.agent_leg_change WHERE ${localDayOf('at', '$1')} IN (
           SELECT DISTINCT ${localDayOf('at', '$1')} FROM telephony.agent_leg_change ORDER BY 1 DESC LIMIT $2
         ) RETURNING at
       ) SELECT DISTINCT ${localDayOf('at', '$1')}::text AS day FROM taken`,
      [basis.timeZone, maxDays],
    );
    if (taken.length === 0) return 0;
    const days = taken.map((r) => r.day);
    await this.q(`DELETE FROM telephony.agent_leg_day WHERE day = ANY($1::date[])`, [days]);
    await this.q(
      `INSERT INTO telephony.agent_leg_day (day, agent_id, queue, bin, ${columnList()})
       SELECT d.day, l.agent_id, l.queue, ${waitBinOfLeg('$3')} AS bin, ${sumsOverLegs()}
       FROM (SELECT day, ${localDayStart('day', '$2')} AS lo, ${localDayEnd('day', '$2')} AS hi FROM unnest($1::date[]) AS day) AS d
       JOIN telephony.call_leg l ON l.at >= d.lo AND l.at < d.hi
       GROUP BY d.day, l.agent_id, l.queue, 4`,
      [days, basis.timeZone, basis.binMs],
    );
    return days.length;
  }
}
