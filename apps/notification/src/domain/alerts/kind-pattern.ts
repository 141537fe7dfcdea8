/**
 * Alert kinds are dotted names (`call.ring-limit-exceeded`). A pattern is a kind, or a glob where
 * `*` stands for any run of characters (`call.*`, `*dismiss*`), or `*` alone for every kind.
 */
export function kindMatches(pattern: string, kind: string): boolean {
  if (!pattern.includes('*')) return pattern === kind;
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(kind);
}

export const anyKindMatches = (patterns: readonly string[], kind: string): boolean => patterns.some((p) => kindMatches(p, kind));

/** Syntax of a kind or pattern: lower-case words, digits, dots, dashes and stars. */
export const KIND_PATTERN_SYNTAX = /^[a-z0-9*][a-z0-9.*_-]{0,99}$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
