import { KNOWN_ALERT_KINDS, KNOWN_KIND_PREFIXES } from './alert-kinds';
import { kindMatches } from './kind-pattern';

/**
 * A kind pattern is known when it matches a catalogued kind or a kind already received, or (a
 * plain name) sits under a producing service's prefix — so a rule can be set up for a kind a
 * service is about to start raising.
 */
export function kindPatternIsKnown(pattern: string, seenKinds: Iterable<string>): boolean {
  const all = [...Object.keys(KNOWN_ALERT_KINDS), ...seenKinds];
  if (all.some((k) => kindMatches(pattern, k))) return true;
  return !pattern.includes('*') && KNOWN_KIND_PREFIXES.some((p) => pattern.startsWith(p) && pattern.length > p.length);
}
