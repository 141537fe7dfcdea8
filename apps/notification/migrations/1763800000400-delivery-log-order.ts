import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery log is read a page at a time, newest first, from where the last page ended
 * (`(created_at, delivery_id) < cursor`): an index in that order lets each page start at the
 * cursor instead of sorting the whole log again.
 */
export class DeliveryLogOrder1763800000400 implements MigrationInterface {
  name = 'DeliveryLogOrder1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX delivery_created ON notification.delivery (created_at, delivery_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification.delivery_created`);
  }
}
