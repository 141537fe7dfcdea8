import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDownSql, messagingTablesUpSql } from './messaging-tables';

/** The first migration of every service: its inbox and outbox tables. */
export function messagingTablesMigration(schema: string, timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = `MessagingTables${timestamp}`;
    async up(q: QueryRunner): Promise<void> {
      for (const sql of messagingTablesUpSql(schema)) await q.query(sql);
    }
    async down(q: QueryRunner): Promise<void> {
      for (const sql of messagingTablesDownSql(schema)) await q.query(sql);
    }
  };
}
