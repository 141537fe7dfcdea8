import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { ClockEvent } from '../domain/days/clock-event';

/** Raw clock events, append-only and idempotent on eventId: every day decision is re-derivable from them. */
export abstract class ClockEventStore {
  /** Stores the events not seen before; returns the new ones. */
  abstract append(events: ClockEvent[]): Promise<ClockEvent[]>;
  /** Per agent, the events in [from, to) outside every rostered window: unrostered work, recorded, never punished. */
  abstract unrostered(agentIds: string[], from: number, to: number): Promise<Map<string, number>>;
}

@Injectable()
export class PgClockEventStore extends ClockEventStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async append(events: ClockEvent[]): Promise<ClockEvent[]> {
    if (events.length === 0) return [];
    const rows: Array<{ event_id: string }> = await this.scope.manager().query(
      `INSERT INTO attendance.clock_event (event_id, agent_id, type, at)
       SELECT e->>'eventId', e->>'agentId', e->>'type', to_timestamp((e->>'at')::double precision / 1000)
       FROM jsonb_array_elements($1::jsonb) AS e
       ORDER BY e->>'eventId'
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [JSON.stringify(events)],
    );
    const fresh = new Set(rows.map((r) => r.event_id));
    return events.filter((e) => fresh.has(e.eventId));
  }

  async unrostered(agentIds: string[], from: number, to: number): Promise<Map<string, number>> {
    const rows: Array<{ agent_id: string; n: number }> = await this.scope.manager().query(
      `SELECT c.agent_id, count(*)::int AS n FROM attendance.clock_event c
       WHERE c.agent_id = ANY($1::text[]) AND c.at >= to_timestamp($2::double precision / 1000) AND c.at < to_timestamp($3::double precision / 1000)
         AND NOT EXISTS (SELECT 1 FROM attendance.roster r WHERE r.agent_id = c.agent_id AND r.window_from IS NOT NULL
                         AND c.at BETWEEN r.window_from AND r.window_to)
       GROUP BY c.agent_id`,
      [agentIds, from, to],
    );
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }
}
