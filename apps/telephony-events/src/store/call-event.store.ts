import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AgentStateEvent, ParsedCallEvent } from '../domain/events/call-event';

export type EventSource = 'api' | 'nats' | 'asterisk' | 'connect';

/** The append-only raw event store: what every fact is derived from, and replayed from. */
export abstract class CallEventStore {
  /** Stores the events not seen before; returns the ids that were new. */
  abstract append(events: ParsedCallEvent[], source: EventSource): Promise<Set<string>>;
  abstract eventsOfCalls(callIds: string[]): Promise<Map<string, ParsedCallEvent[]>>;
  abstract appendAgentStates(states: AgentStateEvent[], source: EventSource): Promise<number>;
}

@Injectable()
export class PgCallEventStore extends CallEventStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async append(events: ParsedCallEvent[], source: EventSource): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    // The batch travels as one JSON document: pg would otherwise escape every event's JSON
    // character by character into an array literal (a visible cost in bench:ingest's profile).
    // The table is partitioned by month, so its key is (event_id, occurred_at): the same event sent
    // again conflicts on it; an id already stored at another instant is found by NOT EXISTS (one
    // probe per month partition), so eventId alone stays the idempotency key.
    const rows: Array<{ event_id: string }> = await this.scope.manager().query(
      `INSERT INTO telephony.call_event (event_id, call_id, type, occurred_at, agent_id, queue, source, event)
       SELECT DISTINCT ON (e->>'eventId') e->>'eventId', e->>'callId', e->>'type', to_timestamp((e->>'at')::double precision / 1000),
              e->>'agentId', e->>'queue', $2, e
       FROM jsonb_array_elements($1::jsonb) AS e
       WHERE NOT EXISTS (SELECT 1 FROM telephony.call_event c WHERE c.event_id = e->>'eventId')
       ORDER BY e->>'eventId' -- one lock order for concurrent batches that share event ids
       ON CONFLICT (event_id, occurred_at) DO NOTHING RETURNING event_id`,
      [JSON.stringify(events), source],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  async eventsOfCalls(callIds: string[]): Promise<Map<string, ParsedCallEvent[]>> {
    const rows: Array<{ call_id: string; event: ParsedCallEvent }> = await this.scope
      .manager()
      .query(`SELECT call_id, event FROM telephony.call_event WHERE call_id = ANY($1::text[])`, [callIds]);
    const byCall = new Map<string, ParsedCallEvent[]>();
    for (const r of rows) {
      const list = byCall.get(r.call_id);
      if (list) list.push(r.event);
      else byCall.set(r.call_id, [r.event]);
    }
    return byCall;
  }

  async appendAgentStates(states: AgentStateEvent[], source: EventSource): Promise<number> {
    if (states.length === 0) return 0;
    const rows: unknown[] = await this.scope.manager().query(
      `INSERT INTO telephony.agent_state_event (event_id, agent_id, kind, occurred_at, queue, source, event)
       SELECT s.id, s.agent_id, s.kind, s.occurred_at, s.queue, $6, s.event
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $7::jsonb[])
         AS s(id, agent_id, kind, occurred_at, queue, event)
       ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
      [
        states.map((s) => s.eventId),
        states.map((s) => s.agentId),
        states.map((s) => s.kind),
        states.map((s) => s.occurredAt),
        states.map((s) => s.queue ?? null),
        source,
        states.map((s) => JSON.stringify(s)),
      ],
    );
    return rows.length;
  }
}
