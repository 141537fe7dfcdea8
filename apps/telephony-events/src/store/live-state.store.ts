import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { STATE_CHANGING_TYPES, type LatestCallActivity, type LatestPresence } from '../domain/reports/agent-live-state';
import type { AgentStateKind } from '../domain/events/agent-state-event';
import type { CallEventType } from '../domain/events/call-event';
import type { QueueTotals } from '../domain/reports/queue-totals';
import { sumQueueTotalsByQueue } from './queue-totals.sql';

export interface WaitingNow { queue: string; waiting: number; oldestArrivalAt: number | null; inProgress: number }

/** What the live wallboard reads: every instance computes it from the shared database, so all agree. */
export abstract class LiveStateStore {
  /** Open queue calls that arrived after `since`, per queue: waiting (unanswered) and in progress. */
  abstract waitingNow(since: Date): Promise<WaitingNow[]>;
  abstract todayByQueue(from: Date, to: Date, targetMs: number): Promise<Map<string, QueueTotals>>;
  /** Each agent's latest state-changing call event after `since`, with when its call ended. */
  abstract latestCallActivity(since: Date): Promise<Map<string, LatestCallActivity>>;
  abstract latestPresence(since: Date): Promise<Map<string, LatestPresence>>;
}

@Injectable()
export class PgLiveStateStore extends LiveStateStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async waitingNow(since: Date): Promise<WaitingNow[]> {
    const rows: Array<{ queue: string; waiting: number; oldest: Date | null; in_progress: number }> = await this.scope.manager().query(
      `SELECT coalesce(queue, '') AS queue, count(*) FILTER (WHERE NOT answered)::int AS waiting,
              min(arrival_at) FILTER (WHERE NOT answered) AS oldest, count(*) FILTER (WHERE answered)::int AS in_progress
       FROM telephony.call_facts WHERE open AND in_queue AND arrival_at >= $1 GROUP BY 1 ORDER BY 1`,
      [since.toISOString()],
    );
    return rows.map((r) => ({ queue: r.queue, waiting: r.waiting, oldestArrivalAt: r.oldest?.getTime() ?? null, inProgress: r.in_progress }));
  }

  todayByQueue(from: Date, to: Date, targetMs: number): Promise<Map<string, QueueTotals>> {
    return sumQueueTotalsByQueue(this.scope.manager(), { from, to, targetMs });
  }

  async latestCallActivity(since: Date): Promise<Map<string, LatestCallActivity>> {
    const rows: Array<{ agent_id: string; type: CallEventType; at: Date; call_id: string; ended_at: string | null }> = await this.scope.manager().query(
      // Every agent ever seen, by a loose index scan (a few hundred probes), then each one's latest
      // state-changing event by the (agent_id, occurred_at) index: no scan of the day's events.
      `WITH RECURSIVE agents AS (
         (SELECT agent_id FROM telephony.call_event WHERE agent_id IS NOT NULL ORDER BY agent_id LIMIT 1)
         UNION ALL
         SELECT (SELECT agent_id FROM telephony.call_event WHERE agent_id > a.agent_id ORDER BY agent_id LIMIT 1) FROM agents a WHERE a.agent_id IS NOT NULL
       )
       SELECT a.agent_id, e.type, e.occurred_at AS at, e.call_id,
              CASE WHEN f.open IS DISTINCT FROM false THEN NULL
                   ELSE coalesce((f.facts->>'endedAt')::double precision, extract(epoch FROM f.last_event_at) * 1000) END AS ended_at
       FROM agents a
       CROSS JOIN LATERAL (SELECT type, occurred_at, call_id FROM telephony.call_event e
                           WHERE e.agent_id = a.agent_id AND e.occurred_at >= $1 AND e.type = ANY($2::text[])
                           ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 1) e
       LEFT JOIN telephony.call_facts f USING (call_id)
       WHERE a.agent_id IS NOT NULL`,
      [since.toISOString(), STATE_CHANGING_TYPES],
    );
    return new Map(rows.map((r) => [r.agent_id, { type: r.type, at: r.at.getTime(), callId: r.call_id, callEndedAt: r.ended_at === null ? null : Number(r.ended_at) }]));
  }

  async latestPresence(since: Date): Promise<Map<string, LatestPresence>> {
    const rows: Array<{ agent_id: string; kind: AgentStateKind; at: Date; reason: string | null }> = await this.scope.manager().query(
      `SELECT DISTINCT ON (agent_id) agent_id, kind, occurred_at AS at, event->>'reason' AS reason FROM telephony.agent_state_event
       WHERE occurred_at >= $1 AND kind IN ('login', 'logout', 'pause', 'unpause') ORDER BY agent_id, occurred_at DESC, event_id DESC`,
      [since.toISOString()],
    );
    return new Map(rows.map((r) => [r.agent_id, { kind: r.kind, at: r.at.getTime(), ...(r.reason ? { reason: r.reason } : {}) }]));
  }
}
