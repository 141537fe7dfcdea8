import { Injectable } from '@nestjs/common';
import type { CallSummarizedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { PgStore } from './pg-store';

/** qa's own copy of the telephony facts of each call (highest version kept), one leg row per agent. */
export abstract class CallCopyStore {
  /** False when a version at least as high is already kept. */
  abstract save(e: CallSummarizedEvent): Promise<boolean>;
  abstract get(callId: string): Promise<CallSummarizedEvent | null>;
  /** The agent's longest single hold over all their legs of the call; null when the copy has no leg of theirs. */
  abstract longestHoldMs(callId: string, agentId: string): Promise<number | null>;
}

@Injectable()
export class PgCallCopyStore extends PgStore implements CallCopyStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async save(e: CallSummarizedEvent): Promise<boolean> {
    const startedAt = e.queuedAt ?? e.legs.find((l) => l.offeredAt)?.offeredAt ?? null;
    const kept = await this.q(
      `INSERT INTO qa.call_fact (call_id, version, started_at, facts) VALUES ($1, $2, $3, $4)
       ON CONFLICT (call_id) DO UPDATE SET version = EXCLUDED.version, started_at = EXCLUDED.started_at, facts = EXCLUDED.facts
       WHERE qa.call_fact.version < EXCLUDED.version RETURNING 1`,
      [e.callId, e.version, startedAt, JSON.stringify(e)],
    );
    if (kept.length === 0) return false;
    await this.q(`DELETE FROM qa.call_leg WHERE call_id = $1`, [e.callId]);
    const legs = new Map(e.legs.map((l) => [l.agentId, l])); // the last offer to an agent stands for the agent
    if (legs.size === 0 || !startedAt) return true;
    await this.q(
      `INSERT INTO qa.call_leg (call_id, agent_id, started_at, answered, missed, ring_ms, talk_ms, hold_ms, longest_hold_ms, rating)
       SELECT $1, l->>'agentId', COALESCE((l->>'offeredAt')::timestamptz, $2::timestamptz), l->>'answeredAt' IS NOT NULL, (l->>'missed')::boolean,
              (l->>'ringMs')::int, (l->>'talkMs')::int, COALESCE((l->>'holdMs')::int, 0), COALESCE((l->>'longestHoldMs')::int, 0), COALESCE(l->>'rating', $3)
       FROM jsonb_array_elements($4::jsonb) l`,
      [e.callId, startedAt, e.rating, JSON.stringify([...legs.values()])],
    );
    return true;
  }

  async get(callId: string): Promise<CallSummarizedEvent | null> {
    const [r] = await this.q<{ facts: CallSummarizedEvent }>(`SELECT facts FROM qa.call_fact WHERE call_id = $1`, [callId]);
    return r?.facts ?? null;
  }

  async longestHoldMs(callId: string, agentId: string): Promise<number | null> {
    // Every leg of the agent from the kept summary (call_leg keeps one per agent), as scoring counts them.
    const [r] = await this.q<{ ms: number | null }>(
      `SELECT max(COALESCE((l->>'longestHoldMs')::int, 0)) AS ms FROM qa.call_fact f, jsonb_array_elements(f.facts->'legs') l
       WHERE f.call_id = $1 AND l->>'agentId' = $2`,
      [callId, agentId],
    );
    return r?.ms ?? null;
  }
}
