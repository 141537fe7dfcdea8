import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { ClockPunch } from '../domain/days/attribute-clock-events';
import type { ClockEvent } from '../domain/days/clock-event';

/** Raw clock events, append-only and idempotent on eventId: every day decision is re-derivable from them. */
export abstract class ClockEventStore {
  /** Stores the events not seen before; returns the new ones. */
  abstract append(events: ClockEvent[]): Promise<ClockEvent[]>;
  /** Per agent, the events inside any of these windows (each event once). */
  abstract inWindows(windows: Array<{ agentId: string; from: number; to: number }>): Promise<Map<string, ClockPunch[]>>;
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

  async inWindows(windows: Array<{ agentId: string; from: number; to: number }>): Promise<Map<string, ClockPunch[]>> {
    if (windows.length === 0) return new Map();
    // One narrow index range per window, rather than every event of every agent over the batch's span.
    const rows: Array<{ event_id: string; agent_id: string; type: 'in' | 'out'; at: string }> = await this.scope.manager().query(
      `SELECT DISTINCT c.event_id, c.agent_id, c.type, (extract(epoch from c.at) * 1000)::bigint AS at
       FROM unnest($1::text[], $2::double precision[], $3::double precision[]) AS w(agent_id, f, t)
       JOIN attendance.clock_event c ON c.agent_id = w.agent_id AND c.at BETWEEN to_timestamp(w.f / 1000) AND to_timestamp(w.t / 1000)`,
      [windows.map((w) => w.agentId), windows.map((w) => w.from), windows.map((w) => w.to)],
    );
    const out = new Map<string, ClockPunch[]>();
    for (const r of rows) {
      if (!out.has(r.agent_id)) out.set(r.agent_id, []);
      out.get(r.agent_id)!.push({ eventId: r.event_id, type: r.type, at: Number(r.at) });
    }
    return out;
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
