import { createHash } from 'node:crypto';

/** JSON with object keys in order, so the same body written in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests under one key "the same": method, path with query, and the body's content. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n${canonical(body ?? null)}`).digest('base64url');
}

/** A key is 1–200 visible ASCII characters (a UUID, a ULID, a client's own scheme). */
export function isValidIdempotencyKey(key: string): boolean {
  return key.length >= 1 && key.length <= 200 && /^[\x21-\x7e]+$/.test(key);
}
