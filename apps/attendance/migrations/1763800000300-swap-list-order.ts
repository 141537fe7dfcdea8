import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Swaps are listed a page at a time by (date, swapId) from where the last page ended: an index in
 * that order lets each page start at the cursor instead of sorting every swap again.
 */
export class SwapListOrder1763800000300 implements MigrationInterface {
  name = 'SwapListOrder1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX swap_date ON attendance.shift_swap (date, swap_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attendance.swap_date`);
  }
}
