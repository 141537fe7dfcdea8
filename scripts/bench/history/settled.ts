import type { Client } from 'pg';

/** How often the database is asked at most. */
const POLL_MS = 1_000;
/**
 * Counting millions of rows is work the services' two cores also do: the probe waits this many times as long
 * as it took, so it never takes more than a tenth of a core (at the cost of seeing the end up to that much late).
 */
const POLL_SHARE = 10;

/** Polls `probe` until it answers non-null; the moment it did (performance.now()). */
export async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number, everyMs = POLL_MS): Promise<{ at: number; value: T }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t0 = performance.now();
    const value = await probe();
    if (value !== null) return { at: performance.now(), value };
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, Math.max(everyMs, (performance.now() - t0) * POLL_SHARE)));
  }
}

const one = async (db: Client, sql: string): Promise<Record<string, number>> => (await db.query(sql)).rows[0] as Record<string, number>;

/** Every generated call has its facts in telephony-events and nothing is left to derive. */
export async function telephonyHasEveryCall(db: Client, calls: number): Promise<{ facts: number; legs: number } | null> {
  const r = await one(db, `SELECT (SELECT count(*)::int FROM telephony.call_facts) AS facts, EXISTS (SELECT 1 FROM telephony.call_dirty) AS dirty`);
  if (r.facts < calls || r.dirty) return null;
  return { facts: r.facts, legs: (await one(db, `SELECT count(*)::int AS n FROM telephony.call_leg`)).n };
}

/**
 * scoring holds the latest version of every call telephony-events derived (so every leg of it): the cheap
 * count first, the join of versions only once the count is there.
 */
export async function scoringHasEveryLeg(db: Client, calls: number): Promise<{ legs: number } | null> {
  if ((await one(db, `SELECT count(*)::int AS n FROM scoring.call_fact`)).n < calls) return null;
  const behind = await one(db, `SELECT count(*)::int AS n FROM telephony.call_facts t LEFT JOIN scoring.call_fact s USING (call_id) WHERE s.version IS DISTINCT FROM t.version`);
  if (behind.n > 0) return null;
  return { legs: (await one(db, `SELECT count(*)::int AS n FROM scoring.call_leg`)).n };
}
