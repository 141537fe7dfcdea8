import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speech QA (issue 19): the transcripts of calls (one per call, the latest kept, with what was refused of it)
 * and the machine's evaluation of each, kept apart from the people's evaluations (nothing scores it).
 */
export class SpeechQa1763800000900 implements MigrationInterface {
  name = 'SpeechQa1763800000900';

  async up(q: QueryRunner): Promise<void> {
    // state: pending (to check), waiting (checked once the call arrives, or a version of it with an answered leg),
    // checked, failed (the checks threw: kept for a look, retried with the next transcript of the call).
    await q.query(`CREATE TABLE qa.transcript (
      call_id text PRIMARY KEY, version int NOT NULL, content_hash text NOT NULL, source text NOT NULL,
      segments jsonb NOT NULL, segment_count int NOT NULL, duration_ms int NOT NULL,
      rejected_count int NOT NULL DEFAULT 0, rejections jsonb NOT NULL DEFAULT '[]',
      state text NOT NULL, call_version int, error text,
      received_at timestamptz NOT NULL DEFAULT now(), checked_at timestamptz)`);
    await q.query(`CREATE INDEX transcript_to_check ON qa.transcript (received_at) WHERE state IN ('pending', 'waiting')`);
    await q.query(`CREATE TABLE qa.auto_evaluation (
      call_id text PRIMARY KEY, version int NOT NULL, agent_id text NOT NULL, form_id text NOT NULL, form_version int NOT NULL,
      policy_version text NOT NULL, transcript_version int NOT NULL, started_at timestamptz,
      items jsonb NOT NULL, hits jsonb NOT NULL, hit_counts jsonb NOT NULL, outcomes jsonb NOT NULL, flagged boolean NOT NULL,
      script_checks int NOT NULL, script_passed int NOT NULL, forbidden_phrases int NOT NULL, complaint_risk boolean NOT NULL,
      checked_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX auto_evaluation_agent ON qa.auto_evaluation (agent_id, started_at)`);
    await q.query(`CREATE INDEX auto_evaluation_started ON qa.auto_evaluation (started_at)`);
    // Sampling reads an agent-week's flagged calls from this index alone.
    await q.query(`CREATE INDEX auto_evaluation_flagged ON qa.auto_evaluation (agent_id, started_at) INCLUDE (call_id) WHERE flagged`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qa.auto_evaluation`);
    await q.query(`DROP TABLE qa.transcript`);
  }
}
