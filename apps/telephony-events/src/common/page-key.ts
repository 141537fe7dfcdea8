import { cursorKey, requestError, unstorableText } from '@app/platform';

/** The latest instant a cursor may name (year 9999): past it a Date, or PostgreSQL, would fail rather than refuse. */
const LAST_INSTANT_MS = Date.UTC(9999, 11, 31);

/**
 * The key a list's `cursor` names (libs/platform `cursorKey`), and stricter about what reaches SQL: a text part
 * PostgreSQL cannot take (NUL, a lone surrogate) or an instant part (`instants`: their positions) outside 1970–9999
 * is no cursor this service wrote either — 400 REQUEST.INVALID_CURSOR, never a failed query.
 */
export function pageKey(q: { cursor?: string }, kinds: ReadonlyArray<'string' | 'int'>, instants: readonly number[] = []): (string | number)[] | undefined {
  const key = cursorKey(q, kinds);
  if (key === undefined) return undefined;
  const bad = key.some((part, i) => (typeof part === 'string' ? unstorableText(part) !== null : instants.includes(i) && (part < 0 || part > LAST_INSTANT_MS)));
  if (!bad) return key;
  const message = 'cursor is not one this list returned / cursor 不是本列表返回的值';
  throw requestError('REQUEST.INVALID_CURSOR', message, [{ path: 'cursor', message }]);
}
