import type { Client } from 'pg';
import { cpuSeconds } from '../processes';

/**
 * CPU seconds used so far by the PostgreSQL backends serving this database (the services' pooled
 * connections), this connection aside. Read from /proc: the server must run on this machine; null otherwise.
 * Backends that came and went between two readings are missed (the pools keep theirs).
 */
export async function postgresCpuSeconds(db: Client): Promise<Map<number, number> | null> {
  const pids: number[] = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows.map((r: { pid: number }) => r.pid);
  const seen = new Map<number, number>();
  for (const pid of pids) {
    try {
      seen.set(pid, cpuSeconds(pid));
    } catch {
      // gone since, or not on this machine
    }
  }
  return seen.size ? seen : null;
}

/** CPU between two readings: each backend's own difference (a backend new since the first counts whole). */
export function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (after === null) return null;
  let sum = 0;
  for (const [pid, s] of after) sum += s - (before?.get(pid) ?? 0);
  return sum;
}
