/** One refused part of a request, by path (`roles[0]`), as the error details carry it. */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * The elements of a list of names that break a rule, each by its index — class-validator's `each`
 * checks name only the list, and clients fix the element the path points at.
 */
export function elementProblems(list: readonly string[] | undefined, path: string, bad: (s: string) => string | null): InputProblem[] {
  return (list ?? []).flatMap((s, i) => {
    const why = bad(s);
    return why ? [{ path: `${path}[${i}]`, message: why }] : [];
  });
}

export const oneOf = (allowed: readonly string[]) => (s: string): string | null => (allowed.includes(s) ? null : `one of ${allowed.join(', ')} / 须为 ${allowed.join('、')} 之一`);

/** Ids a client may choose (rules, webhooks): safe in URLs and logs. */
export const ID_SYNTAX = /^[A-Za-z0-9._-]{1,100}$/;
