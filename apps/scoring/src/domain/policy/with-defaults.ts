import { DEFAULT_POLICY } from './default-policy';
import type { ScoringPolicy } from './scoring-policy';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A tenant may leave the shift-lead card out on purpose (its shift leads are then scored as agents). */
const LEFT_OUT_ON_PURPOSE = new Set(['scorecards.shift-lead']);

function fill(stored: unknown, template: unknown, path: string): unknown {
  if (!isObject(stored) || !isObject(template)) return stored;
  const out: Json = { ...stored };
  for (const [key, t] of Object.entries(template)) {
    const p = path ? `${path}.${key}` : key;
    if (key in stored) out[key] = fill(stored[key], t, p);
    else if (!LEFT_OUT_ON_PURPOSE.has(p)) out[key] = t;
  }
  return out;
}

/**
 * A stored document written before a parameter existed gets the default's value for it (objects filled key by key;
 * lists and numbers a document gives are its own). The engine can then read every parameter of the current shape.
 */
export function withDefaults(document: ScoringPolicy): ScoringPolicy {
  return fill(document, DEFAULT_POLICY, '') as ScoringPolicy;
}
