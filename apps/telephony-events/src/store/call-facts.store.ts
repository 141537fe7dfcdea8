import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { CallFacts } from '../domain/call-facts';

export interface StoredFacts {
  callId: string;
  version: number;
  hash: string;
  policyVersion: string;
  facts: CallFacts;
}

export interface FactsQuery {
  from: Date;
  to: Date;
  queue?: string;
}

/** The current derived facts of each call, with the version last published. */
export abstract class CallFactsStore {
  abstract versions(callIds: string[]): Promise<Map<string, { version: number; hash: string }>>;
  abstract save(facts: StoredFacts[]): Promise<void>;
  abstract get(callId: string): Promise<StoredFacts | null>;
  /** Calls that arrived in [from, to). */
  abstract inWindow(q: FactsQuery): Promise<CallFacts[]>;
  /** Open calls with a leg that began ringing before `offeredBefore` (epoch ms) and is ringing still. */
  abstract ringingSince(offeredBefore: number): Promise<CallFacts[]>;
}

const isOpen = (f: CallFacts) => f.endedAt === null && f.abandoned === null && !f.closedByTimeout;

@Injectable()
export class PgCallFactsStore extends CallFactsStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async versions(callIds: string[]): Promise<Map<string, { version: number; hash: string }>> {
    const rows: Array<{ call_id: string; version: number; hash: string }> = await this.scope
      .manager()
      .query(`SELECT call_id, version, hash FROM telephony.call_facts WHERE call_id = ANY($1::text[])`, [callIds]);
    return new Map(rows.map((r) => [r.call_id, { version: r.version, hash: r.hash }]));
  }

  async save(facts: StoredFacts[]): Promise<void> {
    if (facts.length === 0) return;
    // One JSON document for the batch (see PgCallEventStore.append for why).
    await this.scope.manager().query(
      `INSERT INTO telephony.call_facts (call_id, version, hash, facts, queue, open, first_event_at, last_event_at, policy_version, updated_at)
       SELECT f->>'callId', (f->>'version')::int, f->>'hash', f->'facts', f->'facts'->>'queue', (f->>'open')::boolean,
              to_timestamp((f->'facts'->>'firstEventAt')::double precision / 1000),
              to_timestamp((f->'facts'->>'lastEventAt')::double precision / 1000), f->>'policyVersion', now()
       FROM jsonb_array_elements($1::jsonb) AS f
       ORDER BY f->>'callId'
       ON CONFLICT (call_id) DO UPDATE SET version = EXCLUDED.version, hash = EXCLUDED.hash, facts = EXCLUDED.facts,
         queue = EXCLUDED.queue, open = EXCLUDED.open, first_event_at = EXCLUDED.first_event_at,
         last_event_at = EXCLUDED.last_event_at, policy_version = EXCLUDED.policy_version, updated_at = now()`,
      [JSON.stringify(facts.map((f) => ({ ...f, open: isOpen(f.facts) })))],
    );
  }

  async get(callId: string): Promise<StoredFacts | null> {
    const rows: Array<{ version: number; hash: string; policy_version: string; facts: CallFacts }> = await this.scope
      .manager()
      .query(`SELECT version, hash, policy_version, facts FROM telephony.call_facts WHERE call_id = $1`, [callId]);
    const r = rows[0];
    return r ? { callId, version: r.version, hash: r.hash, policyVersion: r.policy_version, facts: r.facts } : null;
  }

  async ringingSince(offeredBefore: number): Promise<CallFacts[]> {
    const rows: Array<{ facts: CallFacts }> = await this.scope.manager().query(
      `SELECT facts FROM telephony.call_facts
       WHERE open AND jsonb_path_exists(facts, '$.legs[*] ? (@.answeredAt == null && @.endedAt == null && @.missed == false && @.offeredAt < $t)',
                                        jsonb_build_object('t', $1::bigint))`,
      [offeredBefore],
    );
    return rows.map((r) => r.facts);
  }

  async inWindow(q: FactsQuery): Promise<CallFacts[]> {
    const rows: Array<{ facts: CallFacts }> = await this.scope.manager().query(
      `SELECT facts FROM telephony.call_facts
       WHERE first_event_at >= $1 AND first_event_at < $2 AND ($3::text IS NULL OR queue = $3)`,
      [q.from.toISOString(), q.to.toISOString(), q.queue ?? null],
    );
    return rows.map((r) => r.facts);
  }
}
