/**
 * One shape for every list a service answers (contracts.md, third round): at most `limit` items and
 * the cursor of the next page, `null` on the last. A list is never answered whole: a 10,000-agent
 * centre's month must not be held in one answer (issue 17 item 4).
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_LIMIT = { default: 100, max: 1_000 } as const;

/**
 * Where a page ended, opaque to clients: base64url of a JSON array of the sort key's values (each a
 * string or a safe integer). Checked when it comes back; a cursor this service did not write is a
 * 400, never a query.
 */
export type CursorKey = ReadonlyArray<string | number>;

const MAX_CURSOR_CHARS = 1_000;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key inside `text` when it has `arity` parts of the kinds given, else null. */
export function decodeCursor(text: string, kinds: ReadonlyArray<'string' | 'int'>): (string | number)[] | null {
  if (text.length === 0 || text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== kinds.length) return null;
    const ok = kinds.every((kind, i) => (kind === 'int' ? Number.isSafeInteger(value[i]) : typeof value[i] === 'string' && (value[i] as string).length <= 400));
    return ok ? (value as (string | number)[]) : null;
  } catch {
    return null;
  }
}

/**
 * The page of `rows` when the store read `limit + 1` of them in key order: the extra row only says
 * another page exists; the cursor names the last row kept.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1])) };
}

/** The same page with its items changed (rows of the store → the answer's views). */
export function mapPage<T, U>(page: Page<T>, f: (item: T) => U): Page<U> {
  return { items: page.items.map(f), nextCursor: page.nextCursor };
}
