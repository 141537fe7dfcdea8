import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw events (append-only, so any call can be re-derived and a month replayed), the derived
 * facts per call, the queue of calls to (re)derive, raised alerts, agent states, rejected
 * input and the copy of the active telephony policy.
 */
export class TelephonyTables1763800000100 implements MigrationInterface {
  name = 'TelephonyTables1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE telephony.call_event (
      event_id text PRIMARY KEY,
      call_id text NOT NULL,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      agent_id text,
      queue text,
      source text NOT NULL,
      event jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX call_event_call ON telephony.call_event (call_id)`);
    await q.query(`CREATE INDEX call_event_occurred ON telephony.call_event (occurred_at)`);
    await q.query(`CREATE TABLE telephony.call_dirty (
      call_id text PRIMARY KEY,
      marked_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE telephony.call_facts (
      call_id text PRIMARY KEY,
      version integer NOT NULL,
      hash text NOT NULL,
      facts jsonb NOT NULL,
      queue text,
      open boolean NOT NULL,
      first_event_at timestamptz NOT NULL,
      last_event_at timestamptz NOT NULL,
      policy_version text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX call_facts_first_event ON telephony.call_facts (first_event_at)`);
    await q.query(`CREATE INDEX call_facts_open ON telephony.call_facts (last_event_at) WHERE open`);
    await q.query(`CREATE TABLE telephony.alert_raised (
      dedupe_key text PRIMARY KEY,
      alert_id text NOT NULL,
      kind text NOT NULL,
      call_id text,
      raised_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE telephony.agent_state_event (
      event_id text PRIMARY KEY,
      agent_id text NOT NULL,
      kind text NOT NULL,
      occurred_at timestamptz NOT NULL,
      queue text,
      source text NOT NULL,
      event jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX agent_state_agent ON telephony.agent_state_event (agent_id, occurred_at)`);
    await q.query(`CREATE TABLE telephony.ingest_rejection (
      id bigserial PRIMARY KEY,
      source text NOT NULL,
      item_index integer NOT NULL,
      event_id text,
      errors jsonb NOT NULL,
      raw jsonb,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE telephony.policy_copy (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      policy_version text NOT NULL,
      telephony jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['policy_copy', 'ingest_rejection', 'agent_state_event', 'alert_raised', 'call_facts', 'call_dirty', 'call_event']) {
      await q.query(`DROP TABLE telephony.${t}`);
    }
  }
}
