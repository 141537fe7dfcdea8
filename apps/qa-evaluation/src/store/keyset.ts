import type { Reach } from '@app/auth';
import { cursorKey, isCalendarDate, limitOf, requestError, unstorableText, type CursorKey } from '@app/platform';

/**
 * One page of a list as a store reads it (contracts.md third round): the rows after `after` in the list's key order,
 * `limit + 1` of them (the extra one only says another page exists; `pageOf` drops it). `after` is the key of the
 * last row of the previous page, from its cursor.
 */
export interface PageRequest {
  after?: CursorKey;
  limit: number;
}

/** What a part of a list's key holds: text, a whole number, or a calendar date `yyyy-mm-dd`. */
export type KeyKind = 'string' | 'int' | 'date';

const fits = (kind: KeyKind, v: string | number): boolean =>
  kind === 'int' || (typeof v === 'string' && unstorableText(v) === null && (kind === 'string' || isCalendarDate(v)));

/**
 * `?limit=&cursor=` as a store's page request. A cursor that is not a key of this list (`kinds`), or holds what its
 * column cannot compare (NUL or broken Unicode in text, a date that is none: an edited cursor), is 400
 * REQUEST.INVALID_CURSOR, never a failed query.
 */
export function pageRequest(q: { limit?: number; cursor?: string }, kinds: readonly KeyKind[]): PageRequest {
  const after = cursorKey(q, kinds.map((k) => (k === 'int' ? 'int' : 'string')));
  if (after && !after.every((v, i) => fits(kinds[i], v))) {
    const message = 'cursor is not one this list returned / cursor 不是本列表返回的值';
    throw requestError('REQUEST.INVALID_CURSOR', message, [{ path: 'cursor', message }]);
  }
  return { after, limit: limitOf(q) };
}

/**
 * A timestamp column as a cursor key: whole microseconds since 1970 (PostgreSQL's own precision, so two rows a
 * microsecond apart keep their order; a safe integer until the year 2255), and a key back as the same instant.
 */
export const microsOf = (column: string): string => `floor(extract(epoch FROM ${column}) * 1000000)::bigint`;
export const instantOf = (param: string): string => `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;

/**
 * TeamScope's `reaches` (libs/auth team-rule) as a SQL condition on `column` over qa's copy of the directory, so a
 * page is cut in the database and LIMIT counts only rows the caller may see: everyone; the caller themself; a person
 * whose record is in a team the caller leads (a person the directory lacks is outside). `keepUnattributed` also keeps
 * rows about nobody (a complaint not yet attributed). Parameters from `$first`; the team-scope integration test holds
 * this to `reaches` on the same people.
 */
export function reachCondition(reach: Reach, column: string, first: number, opts: { keepUnattributed?: boolean } = {}): { sql: string; params: unknown[] } {
  const [all, self, teams] = [`$${first}`, `$${first + 1}`, `$${first + 2}`];
  const sql = `(${all}::boolean OR ${column} = ${self}::text OR ${column} IN (SELECT agent_id FROM qa.agent WHERE team = ANY(${teams}::text[]))`
    + `${opts.keepUnattributed ? ` OR ${column} IS NULL` : ''})`;
  return { sql, params: reach.all ? [true, null, []] : [false, reach.self, [...reach.teams]] };
}
