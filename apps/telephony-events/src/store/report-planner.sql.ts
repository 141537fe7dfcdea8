import type { EntityManager } from 'typeorm';

/**
 * For the statistics' transaction only (SET LOCAL): the planner cannot know that (agent, wait
 * bin) or (hour, wait bin) make a few hundred groups, guesses hundreds of thousands and sorts
 * millions of rows on disk; a hash aggregate does the month of 3 million legs ~4× faster. JIT
 * compilation cost more than the query it sped up (2 s of 4 s, measured on 3 million legs).
 */
export async function plannerForReports(db: EntityManager): Promise<void> {
  // One round trip, not two (set_config's `true` is SET LOCAL); the bench showed no difference the noise let through.
  await db.query(`SELECT set_config('enable_sort', 'off', true), set_config('jit', 'off', true)`);
}
