type Step = () => Promise<unknown>;

/**
 * Promise.all for reads that share a transaction: a transaction is one connection, which runs its
 * queries one at a time anyway, and pg (from 9) refuses a query sent while another is running on
 * the same client. Each step starts when the one before it has answered; the results come back as a
 * tuple, in order.
 */
export async function inTurn<T extends Step[]>(...steps: T): Promise<{ [K in keyof T]: T[K] extends () => Promise<infer R> ? R : never }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { [K in keyof T]: T[K] extends () => Promise<infer R> ? R : never };
}
