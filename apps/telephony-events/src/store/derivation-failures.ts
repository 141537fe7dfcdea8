import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';

export interface DerivationFailure {
  callId: string;
  attempts: number;
  lastError: string;
  firstFailedAt: string;
  lastFailedAt: string;
  setAsideAt: string | null;
  timesSetAside: number;
}

/** Where a set-aside call sits in the list's order. */
export interface SetAsideKey { setAsideUs: number; callId: string }

/**
 * Calls whose derivation threw. Counted per call; at the policy's limit a call is set aside: its
 * events stay stored, it is listed here, and the summarizer passes over it until someone asks for
 * a retry, so one poison call never holds up the others.
 */
export abstract class DerivationFailures {
  /** Counts a failure; returns the row as it now stands (set aside when attempts reached `maxAttempts`). */
  abstract recordFailure(callId: string, error: string, maxAttempts: number): Promise<DerivationFailure>;
  /** The given calls that are set aside now. */
  abstract setAsideAmong(callIds: string[]): Promise<Set<string>>;
  /** A derivation succeeded: its failures so far no longer count. */
  abstract forget(callIds: string[]): Promise<void>;
  /**
   * Set-aside calls in (set-aside instant, callId) order after `after`, at most `limit`; each with its key,
   * the instant in whole microseconds since 1970 (PostgreSQL's own precision: the key is exact).
   */
  abstract setAside(after: SetAsideKey | undefined, limit: number): Promise<Array<{ failure: DerivationFailure; key: SetAsideKey }>>;
  /** Takes a call out of set-aside for a fresh round of attempts; false when it was not set aside. */
  abstract release(callId: string): Promise<boolean>;
  abstract setAsideCount(): Promise<number>;
}

const ERROR_TEXT_MAX = 2_000;

interface Row {
  call_id: string; attempts: number; last_error: string; first_failed_at: Date; last_failed_at: Date;
  set_aside_at: Date | null; times_set_aside: number;
}
const toFailure = (r: Row): DerivationFailure => ({
  callId: r.call_id, attempts: r.attempts, lastError: r.last_error, firstFailedAt: r.first_failed_at.toISOString(),
  lastFailedAt: r.last_failed_at.toISOString(), setAsideAt: r.set_aside_at?.toISOString() ?? null, timesSetAside: r.times_set_aside,
});

@Injectable()
export class PgDerivationFailures extends DerivationFailures {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async recordFailure(callId: string, error: string, maxAttempts: number): Promise<DerivationFailure> {
    const text = JSON.stringify(error.slice(0, ERROR_TEXT_MAX)).slice(1, -1); // escaped: an error may quote input
    const rows: Row[] = await this.scope.manager().query(
      `INSERT INTO telephony.derivation_failure AS f (call_id, attempts, last_error, set_aside_at, times_set_aside)
       VALUES ($1, 1, $2, CASE WHEN $3 <= 1 THEN now() END, CASE WHEN $3 <= 1 THEN 1 ELSE 0 END)
       ON CONFLICT (call_id) DO UPDATE SET attempts = f.attempts + 1, last_error = EXCLUDED.last_error, last_failed_at = now(),
         set_aside_at = CASE WHEN f.attempts + 1 >= $3 THEN now() ELSE f.set_aside_at END,
         times_set_aside = f.times_set_aside + CASE WHEN f.attempts + 1 >= $3 THEN 1 ELSE 0 END
       RETURNING *`,
      [callId, text, maxAttempts],
    );
    return toFailure(rows[0]);
  }

  async setAsideAmong(callIds: string[]): Promise<Set<string>> {
    const rows: Array<{ call_id: string }> = await this.scope
      .manager()
      .query(`SELECT call_id FROM telephony.derivation_failure WHERE call_id = ANY($1::text[]) AND set_aside_at IS NOT NULL`, [callIds]);
    return new Set(rows.map((r) => r.call_id));
  }

  async forget(callIds: string[]): Promise<void> {
    await this.scope.manager().query(`DELETE FROM telephony.derivation_failure WHERE call_id = ANY($1::text[]) AND set_aside_at IS NULL`, [callIds]);
  }

  async setAside(after: SetAsideKey | undefined, limit: number): Promise<Array<{ failure: DerivationFailure; key: SetAsideKey }>> {
    // The cursor's instant is rebuilt from its microseconds exactly (no float on the way), so the keyset
    // comparison never skips nor repeats a row; the partial index on set_aside_at serves the range.
    const at = `timestamptz 'epoch' + $2::bigint * interval '1 microsecond'`;
    const keyset = after ? `AND set_aside_at >= ${at} AND (set_aside_at, call_id) > (${at}, $3::text)` : '';
    const rows: Array<Row & { set_aside_us: string }> = await this.scope.manager().query(
      `SELECT *, (extract(epoch FROM set_aside_at) * 1000000)::bigint AS set_aside_us FROM telephony.derivation_failure
       WHERE set_aside_at IS NOT NULL ${keyset} ORDER BY set_aside_at, call_id LIMIT $1`,
      after ? [limit, after.setAsideUs, after.callId] : [limit],
    );
    return rows.map((r) => ({ failure: toFailure(r), key: { setAsideUs: Number(r.set_aside_us), callId: r.call_id } }));
  }

  async release(callId: string): Promise<boolean> {
    const rows: unknown[] = await this.scope.manager().query(
      `WITH released AS (
         UPDATE telephony.derivation_failure SET set_aside_at = NULL, attempts = 0 WHERE call_id = $1 AND set_aside_at IS NOT NULL RETURNING 1
       ) SELECT 1 FROM released`,
      [callId],
    );
    return rows.length > 0;
  }

  async setAsideCount(): Promise<number> {
    const rows: Array<{ n: number }> = await this.scope
      .manager()
      .query(`SELECT count(*)::int AS n FROM telephony.derivation_failure WHERE set_aside_at IS NOT NULL`);
    return rows[0].n;
  }
}
