import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defaultPartitionName, localMonths, MONTHLY_TABLES } from '../src/domain/partitions/month-partitions';
import { DEFAULT_TELEPHONY_POLICY } from '../src/domain/telephony-policy';
import { attachMonth } from '../src/store/month-partitions.sql';

/**
 * Raw events, facts and agent legs become tables partitioned by local month (PostgreSQL declarative
 * range partitioning), so a month is read, detached and archived without touching the others.
 * A partitioned table's unique keys must hold its partition key, so the keys widen: call_facts
 * (call_id, first_event_at), call_leg (call_id, leg_index, at); PgCallFactsStore.save keeps one
 * facts row per call. eventId alone stays the idempotency key through call_event_id, one narrow
 * row per event id (the unique index call_event's own key used to be), purged past the horizon.
 * Existing rows are copied into month partitions cut in the policy's time zone; the service adds
 * the months around now at start (partitions/partition-keeper.ts), and a default partition takes
 * anything no month takes yet.
 */
const INDEXES: Record<string, string[]> = {
  call_event: [
    `CREATE INDEX call_event_call ON telephony.call_event (call_id)`,
    `CREATE INDEX call_event_occurred ON telephony.call_event (occurred_at)`,
    `CREATE INDEX call_event_agent_latest ON telephony.call_event (agent_id, occurred_at) WHERE agent_id IS NOT NULL`,
  ],
  call_facts: [
    `ALTER TABLE telephony.call_facts ADD PRIMARY KEY (call_id, first_event_at)`,
    `CREATE INDEX call_facts_first_event ON telephony.call_facts (first_event_at)`,
    `CREATE INDEX call_facts_open ON telephony.call_facts (last_event_at) WHERE open`,
    `CREATE INDEX call_facts_arrival ON telephony.call_facts (arrival_at) WHERE in_queue`,
    `CREATE INDEX call_facts_ringing ON telephony.call_facts (ringing_since) WHERE ringing_since IS NOT NULL`,
  ],
  call_leg: [
    `ALTER TABLE telephony.call_leg ADD PRIMARY KEY (call_id, leg_index, at)`,
    `CREATE INDEX call_leg_agent_at ON telephony.call_leg (agent_id, at)`,
  ],
};

/** The same indexes as before partitioning, for `down`. */
const UNPARTITIONED_KEYS: Record<string, string> = {
  call_event: 'event_id', call_facts: 'call_id', call_leg: 'call_id, leg_index',
};

export class MonthlyPartitions1763800000600 implements MigrationInterface {
  name = 'MonthlyPartitions1763800000600';

  async up(q: QueryRunner): Promise<void> {
    const policy: Array<{ zone: string | null }> = await q.query(`SELECT telephony->>'timeZone' AS zone FROM telephony.policy_copy WHERE id = 1`);
    const zone = policy[0]?.zone ?? DEFAULT_TELEPHONY_POLICY.timeZone;
    for (const { table, key } of MONTHLY_TABLES) {
      const span: Array<{ first: Date | null; last: Date | null }> = await q.query(`SELECT min(${key}) AS first, max(${key}) AS last FROM telephony.${table}`);
      await q.query(`ALTER TABLE telephony.${table} RENAME TO ${table}_unpartitioned`);
      await q.query(`ALTER TABLE telephony.${table}_unpartitioned RENAME CONSTRAINT ${table}_pkey TO ${table}_unpartitioned_pkey`);
      for (const stmt of INDEXES[table]) if (stmt.startsWith('CREATE INDEX')) await q.query(`DROP INDEX IF EXISTS telephony.${stmt.split(' ')[2]}`);
      await q.query(`CREATE TABLE telephony.${table} (LIKE telephony.${table}_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (${key})`);
      await q.query(`CREATE TABLE telephony.${defaultPartitionName(table)} PARTITION OF telephony.${table} DEFAULT`);
      const { first, last } = span[0];
      if (first && last) for (const month of localMonths(table, first.getTime(), last.getTime(), zone)) await attachMonth(q, table, key, month);
      await q.query(`INSERT INTO telephony.${table} SELECT * FROM telephony.${table}_unpartitioned`);
      await q.query(`DROP TABLE telephony.${table}_unpartitioned`);
      for (const stmt of INDEXES[table]) await q.query(stmt);
    }
    await q.query(`CREATE TABLE telephony.call_event_id (event_id text PRIMARY KEY, occurred_at timestamptz NOT NULL)`);
    // Events arrive roughly in time order: a BRIN index finds the ids past the horizon at almost no insert cost.
    await q.query(`CREATE INDEX call_event_id_purge ON telephony.call_event_id USING brin (occurred_at)`);
    await q.query(`INSERT INTO telephony.call_event_id SELECT event_id, occurred_at FROM telephony.call_event`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telephony.call_event_id`);
    for (const { table } of MONTHLY_TABLES) {
      await q.query(`CREATE TABLE telephony.${table}_plain (LIKE telephony.${table} INCLUDING DEFAULTS)`);
      await q.query(`INSERT INTO telephony.${table}_plain SELECT * FROM telephony.${table}`);
      await q.query(`DROP TABLE telephony.${table}`); // drops its partitions
      await q.query(`ALTER TABLE telephony.${table}_plain RENAME TO ${table}`);
      await q.query(`ALTER TABLE telephony.${table} ADD PRIMARY KEY (${UNPARTITIONED_KEYS[table]})`);
      for (const stmt of INDEXES[table]) if (stmt.startsWith('CREATE INDEX')) await q.query(stmt);
    }
  }
}
