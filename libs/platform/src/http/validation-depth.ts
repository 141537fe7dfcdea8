/**
 * Nesting a command or query class may be given. class-transformer and class-validator walk a value
 * recursively, so a service whose body limit admits deep documents for a hand-parsed route (telephony
 * ingest: 8,192) would otherwise overflow the stack on any class-validated route of the same service.
 */
export const DTO_MAX_DEPTH = 64;

/** How deep `value` nests arrays and objects, stopping once past `limit` (iterative: never the stack it guards). */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, here]);
  }
  return deepest;
}
