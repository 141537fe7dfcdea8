import type { ClassConstructor } from 'class-transformer';
import { checkAgainst, unstorableItem, ValidationFailedError } from '@app/platform';
import type { RejectedItem } from '../domain/input/item-errors';
import { attendanceError, type AttendanceErrorCode } from '../attendance.errors';

export const MAX_ITEMS_PER_REQUEST = 5_000;

export interface RequestItems {
  items: unknown[];
  /** NDJSON lines that were not JSON, and items holding text that cannot be stored (NUL, lone surrogates), by index; the other items still count. */
  unreadable: RejectedItem[];
  /** Whether the body was one object rather than a list (answered as one, not as a batch). */
  single: boolean;
}

/** A JSON array (or one object when `allowSingle`), or NDJSON text; too many or no items is a 4xx. */
export function itemsFromBody(body: unknown, field: string, allowSingle = false): RequestItems {
  let out: RequestItems;
  if (Array.isArray(body)) out = { items: body, unreadable: [], single: false };
  else if (allowSingle && typeof body === 'object' && body !== null) out = { items: [body], unreadable: [], single: true };
  else if (typeof body === 'string') out = fromNdjson(body, field);
  else {
    const message = `the body must be a JSON array${allowSingle ? ' or object' : ''}, or NDJSON with Content-Type application/x-ndjson`;
    throw attendanceError('ATTENDANCE.BODY_NOT_ITEMS', message, [{ path: 'body', message }]);
  }
  if (out.items.length === 0) throw attendanceError('ATTENDANCE.NO_ITEMS', 'The request holds no items / 请求中没有数据', [{ path: field, message: 'empty' }]);
  if (out.items.length > MAX_ITEMS_PER_REQUEST) {
    const message = `At most ${MAX_ITEMS_PER_REQUEST} items per request, got ${out.items.length} / 每次最多 ${MAX_ITEMS_PER_REQUEST} 条`;
    throw attendanceError('ATTENDANCE.TOO_MANY_ITEMS', message, [{ path: field, message }]);
  }
  return withUnstorableRejected(out, field);
}

/** The platform lets a batch's items through as sent: one holding NUL or a lone surrogate is refused alone. */
function withUnstorableRejected(out: RequestItems, field: string): RequestItems {
  const known = new Set(out.unreadable.map((r) => r.index));
  out.items.forEach((item, index) => {
    const bad = known.has(index) ? null : unstorableItem(item, out.single ? '' : `${field}[${index}]`);
    if (bad) out.unreadable.push({ index, ...bad });
  });
  out.unreadable.sort((a, b) => a.index - b.index);
  return out;
}

function fromNdjson(body: string, field: string): RequestItems {
  const items: unknown[] = [];
  const unreadable: RejectedItem[] = [];
  for (const line of body.split('\n')) {
    const text = line.trim();
    if (text === '') continue;
    try {
      items.push(JSON.parse(text));
    } catch (err) {
      unreadable.push({ index: items.length, errors: [{ path: `${field}[${items.length}]`, message: `not valid JSON: ${(err as Error).message}` }] });
      items.push(undefined);
    }
  }
  return { items, unreadable, single: false };
}

/** The code a batch item refused by its command class carries: the one shape code of every service. */
export const ITEM_SHAPE_CODE = 'REQUEST.VALIDATION_FAILED';

export interface CheckedBatch<T> {
  accepted: Array<{ index: number; value: T }>;
  rejected: RejectedItem[];
}

/**
 * Each item checked alone against its command class (as the global pipe checks a body), so one bad
 * item never refuses its neighbours; `skip` holds the indexes already refused (unreadable lines).
 * `collection` null: one object posted alone, its paths unprefixed.
 */
export function checkItems<T extends object>(type: ClassConstructor<T>, items: readonly unknown[], collection: string | null, skip: ReadonlySet<number> = new Set(), rows?: readonly number[]): CheckedBatch<T> {
  const out: CheckedBatch<T> = { accepted: [], rejected: [] };
  items.forEach((raw, index) => {
    if (skip.has(index)) return;
    const checked = checkAgainst(type, raw, collection === null ? '' : `${collection}[${index}]`);
    if (checked.ok) out.accepted.push({ index, value: checked.value });
    else out.rejected.push({ index, ...(rows ? { row: rows[index] } : {}), code: ITEM_SHAPE_CODE, errors: checked.problems });
  });
  return out;
}

export interface BatchAnswer {
  rejected: RejectedItem[];
}

/**
 * A batch where nothing at all was taken (`kept`: accepted, unchanged or duplicate items) failed as
 * a whole: a 4xx in the contract's error body with the same per-item report. A single item's
 * refusal keeps its own code and paths.
 */
export function answerBatch<T extends BatchAnswer>(result: T, kept: number, single = false): T {
  if (kept > 0 || result.rejected.length === 0) return result;
  const first = result.rejected[0];
  if (single && first.code === ITEM_SHAPE_CODE) throw new ValidationFailedError(first.errors);
  if (single && first.code) throw attendanceError(first.code as AttendanceErrorCode, first.errors[0]?.message ?? first.code, first.errors);
  throw attendanceError('ATTENDANCE.ITEMS_REJECTED', 'No item in the request is valid / 请求中的数据均无效', result.rejected.flatMap((r) => r.errors)).with({
    rejected: result.rejected,
  });
}
