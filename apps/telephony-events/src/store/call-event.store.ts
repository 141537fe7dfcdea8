import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AgentStateEvent, ParsedCallEvent } from '../domain/call-event';

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
    const rows: Array<{ event_id: string }> = await this.scope.manager().query(
      `INSERT INTO telephony.call_event (event_id, call_id, type, occurred_at, agent_id, queue, source, event)
       SELECT e.id, e.call_id, e.type, e.occurred_at, e.agent_id, e.queue, $7, e.event
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $8::jsonb[])
         AS e(id, call_id, type, occurred_at, agent_id, queue, event)
       ORDER BY e.id -- one lock order for concurrent batches that share event ids
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        events.map((e) => e.eventId),
        events.map((e) => e.callId),
        events.map((e) => e.type),
        events.map((e) => new Date(e.at).toISOString()),
        events.map((e) => e.agentId ?? null),
        events.map((e) => e.queue ?? null),
        source,
        events.map((e) => JSON.stringify(e)),
      ],
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
