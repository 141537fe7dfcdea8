import { quoteIdent } from '@app/persistence';

/**
 * DDL of the inbox (processed message ids) and outbox (events waiting for the relay) that every
 * service keeps in its own schema. Each service's first migration calls these, so the tables
 * are versioned with the service like any other.
 */
export function messagingTablesUpSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.inbox_message (
       consumer text NOT NULL,
       message_id text NOT NULL,
       subject text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, message_id)
     )`,
    `CREATE TABLE ${s}.outbox_message (
       seq bigserial PRIMARY KEY,
       id text NOT NULL UNIQUE,
       subject text NOT NULL,
       payload jsonb NOT NULL,
       headers jsonb,
       created_at timestamptz NOT NULL DEFAULT now(),
       sent_at timestamptz,
       attempts integer NOT NULL DEFAULT 0,
       last_error text
     )`,
    `CREATE INDEX outbox_message_unsent ON ${s}.outbox_message (seq) WHERE sent_at IS NULL`,
  ];
}

export function messagingTablesDownSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [`DROP TABLE ${s}.outbox_message`, `DROP TABLE ${s}.inbox_message`];
}
