import { isoInstantProblem, toEpochMs } from '../domain/events/iso-instant';

/** Thrown while reading a contact trace record whose fields cannot be trusted; the record is skipped. */
export class BadRecord extends Error {}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested object at `key`, or undefined when absent or null (Connect writes "Agent": null). */
export function section(record: Json, key: string): Json | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new BadRecord(`${key} is not an object`);
  return value;
}

/** A timestamp as written, checked to be an ISO-8601 instant; undefined when absent. */
export function instant(obj: Json | undefined, key: string, path: string): { iso: string; ms: number } | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (isoInstantProblem(value) !== null) throw new BadRecord(`${path}.${key} is not an ISO-8601 instant with offset`);
  return { iso: value as string, ms: toEpochMs(value as string) as number };
}

/** A duration Connect reports in seconds, as whole milliseconds; undefined when absent. */
export function secondsAsMs(obj: Json | undefined, key: string, path: string): number | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new BadRecord(`${path}.${key} is not a non-negative number`);
  return Math.round(value * 1000);
}

export function count(obj: Json | undefined, key: string, path: string): number | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0) throw new BadRecord(`${path}.${key} is not a non-negative integer`);
  return value as number;
}

export function text(obj: Json | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whether a value nests deeper than `max` levels; iterative, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}
