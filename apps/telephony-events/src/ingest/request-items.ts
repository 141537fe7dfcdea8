import type { RejectedEvent } from '../domain/events/validate-call-event';

export interface RequestItems {
  items: unknown[];
  /** NDJSON lines that were not JSON, by index; the other lines still count. */
  unreadable: RejectedEvent[];
}

/**
 * A JSON array body, or NDJSON text (one event per line; blank lines skipped). NDJSON past `max`
 * items is refused before any line is parsed: a request's memory stays bounded by the cap.
 */
export function itemsFromBody(body: unknown, field = 'events', max = Infinity): RequestItems | { error: string } | { tooMany: number } {
  if (Array.isArray(body)) return body.length > max ? { tooMany: body.length } : { items: body, unreadable: [] };
  if (typeof body !== 'string') return { error: 'the body must be a JSON array of events, or NDJSON with Content-Type application/x-ndjson' };
  const items: unknown[] = [];
  const unreadable: RejectedEvent[] = [];
  const lines = nonBlankLines(body);
  if (lines > max) return { tooMany: lines };
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const text = body.slice(start, end).trim();
    start = end + 1;
    if (text === '') continue;
    try {
      items.push(JSON.parse(text));
    } catch (err) {
      // V8's message quotes the input: escaped and cut, so it is safe to echo and to store.
      const why = JSON.stringify((err as Error).message.slice(0, 200)).slice(1, -1);
      unreadable.push({ index: items.length, errors: [{ path: `${field}[${items.length}]`, message: `not valid JSON: ${why}` }] });
      items.push(undefined);
    }
  }
  return { items, unreadable };
}

function nonBlankLines(body: string): number {
  let n = 0;
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    for (let i = start; i < end; i++) {
      if (body.charCodeAt(i) > 32) {
        n++;
        break;
      }
    }
    start = end + 1;
  }
  return n;
}
