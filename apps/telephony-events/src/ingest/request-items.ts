import type { RejectedEvent } from '../domain/validate-call-event';

export interface RequestItems {
  items: unknown[];
  /** NDJSON lines that were not JSON, by index; the other lines still count. */
  unreadable: RejectedEvent[];
}

/** A JSON array body, or NDJSON text (one event per line; blank lines skipped). */
export function itemsFromBody(body: unknown, field = 'events'): RequestItems | { error: string } {
  if (Array.isArray(body)) return { items: body, unreadable: [] };
  if (typeof body !== 'string') return { error: 'the body must be a JSON array of events, or NDJSON with Content-Type application/x-ndjson' };
  const items: unknown[] = [];
  const unreadable: RejectedEvent[] = [];
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
  return { items, unreadable };
}
