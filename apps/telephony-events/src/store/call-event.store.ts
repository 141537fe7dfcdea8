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
  /** Forgets the ids of events before `before` (older than any event validation still accepts); returns how many. */
  abstract forgetIdsBefore(before: Date): Promise<number>;
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
    // call_event is partitioned by month, so it has no unique key of its own: an event id is
    // claimed in call_event_id first (one unique index, as call_event's key used to be), and only
    // the ids claimed here are stored. A concurrent batch with the same id waits on that claim.
    const rows: Array<{ event_id: string }> = await this.scope.manager().query(
      `WITH e AS MATERIALIZED (
         SELECT DISTINCT ON (e->>'eventId') e->>'eventId' AS event_id, to_timestamp((e->>'at')::double precision / 1000) AS at, e
         FROM jsonb_array_elements($1::jsonb) AS e ORDER BY e->>'eventId'
       ), fresh AS (
         INSERT INTO telephony.call_event_id (event_id, occurred_at)
         SELECT event_id, at FROM e ORDER BY event_id -- one lock order for concurrent batches that share event ids
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id
       )
       INSERT INTO telephony.call_event (event_id, call_id, type, occurred_at, agent_id, queue, source, event)
       SELECT e.event_id, e.e->>'callId', e.e->>'type', e.at, e.e->>'agentId', e.e->>'queue', $2, e.e
       FROM e JOIN fresh USING (event_id) RETURNING event_id`,
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

  async forgetIdsBefore(before: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.scope.manager().query(
      `WITH gone AS (DELETE FROM telephony.call_event_id WHERE occurred_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [before.toISOString()],
    );
    return rows[0].n;
  }
}
