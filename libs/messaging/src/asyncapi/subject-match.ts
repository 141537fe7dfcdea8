/**
 * Whether a NATS subject or pattern (`*` one token, `>` one or more) can address a catalogue
 * subject, where `{name}` is one token, or one or more when it is the last.
 */
export function addressMatches(pattern: string, address: string): boolean {
  const p = pattern.split('.');
  const a = address.split('.');
  const isParam = (t: string) => t.startsWith('{') && t.endsWith('}');
  const m = (i: number, j: number): boolean => {
    if (i === p.length || j === a.length) return i === p.length && j === a.length;
    if (p[i] === '>') return true;
    if (j === a.length - 1 && isParam(a[j])) return true;
    if (p[i] === '*' || isParam(a[j]) || p[i] === a[j]) return m(i + 1, j + 1);
    return false;
  };
  return m(0, 0);
}

export const hasWildcard = (subject: string): boolean => subject.split('.').some((t) => t === '*' || t === '>');
