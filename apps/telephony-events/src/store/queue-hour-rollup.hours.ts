import { localDayOf } from './agent-leg-rollup.days';

/**
 * The pieces the queue rollup is read by (store/queue-totals.sql.ts): a local day whose UTC offset holds
 * all day — 24 hours long — is cut into its 24 local hours [day start + k h, day start + (k+1) h): with
 * one offset, piece k holds exactly the calls whose local hour (localHourOfCall) is the day's k-th, so it
 * answers from the rollup's rows of that hour. A day with a zone transition (23 or 25 hours) stays one
 * piece, as its hours are not instants a fixed distance apart.
 * `days`: a SQL FROM item with columns day (date), lo and hi (its local day's range, agent-leg-rollup.days.ts).
 * Columns: day, hour (the local hour as the rollup keys it; null: the whole day), lo, hi.
 */
export const localHourPieces = (days: string): string => `
  SELECT d.day, p.hour, p.lo, p.hi FROM ${days} AS d CROSS JOIN LATERAL (
    SELECT d.day + k * interval '1 hour' AS hour, d.lo + k * interval '1 hour' AS lo, d.lo + (k + 1) * interval '1 hour' AS hi
    FROM generate_series(0, 23) AS k WHERE d.hi - d.lo = interval '24 hours'
    UNION ALL
    SELECT NULL::timestamp, d.lo, d.hi WHERE d.hi - d.lo <> interval '24 hours'
  ) AS p`;

/**
 * The pieces (as localHourPieces) that change notes (`notes`: a FROM item with a column `at`) mark, in
 * `zone`: a note falls on a quarter hour, which lies inside one local hour whatever the zone (every
 * offset is a whole number of quarter hours, store/agent-leg-rollup.changes.ts). Columns: day, hour
 * (never null; a whole-day piece is marked by any hour of its day).
 */
export const notedHours = (notes: string, zone: string): string =>
  `SELECT DISTINCT ${localDayOf('at', zone)} AS day, date_trunc('hour', at AT TIME ZONE ${zone}) AS hour FROM ${notes}`;
