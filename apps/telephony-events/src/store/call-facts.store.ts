import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { agentLegFigures } from '../domain/reports/agent-leg-figures';
import { sumAgentTotals, type AgentTotalsPage, type AgentTotalsQuery } from './agent-totals.sql';
import { noteLegChanges, noteQueueCallChanges } from './agent-leg-rollup.changes';
import type { CallFacts } from '../domain/facts/call-facts';
import { isCallOpen, ringingSince } from '../domain/facts/call-predicates';
import { queueCallFigures } from '../domain/reports/queue-call-figures';
import type { GroupedQueueTotals } from '../domain/reports/queue-stats';
import { sumQueueTotals, type QueueTotalsQuery } from './queue-totals.sql';

export interface StoredFacts {
  callId: string;
  version: number;
  hash: string;
  policyVersion: string;
  facts: CallFacts;
  /**
   * The previous version as stored, if any: where its row is (its first event; a late earlier event
   * moves the row) and whether it was open (only a call stored closed has legs to replace).
   */
  stored?: { firstEventAt: number; open: boolean };
}

export interface StoredVersion {
  version: number;
  hash: string;
  firstEventAt: number;
  open: boolean;
}

export interface CallPageQuery {
  agentId?: string;
  from: Date;
  to: Date;
  after?: { at: number; callId: string };
  limit: number;
}

/** The current derived facts of each call, with the version last published. */
export abstract class CallFactsStore {
  abstract versions(callIds: string[]): Promise<Map<string, StoredVersion>>;
  abstract save(facts: StoredFacts[]): Promise<void>;
  abstract get(callId: string): Promise<StoredFacts | null>;
  /** Queue report sums over the calls that arrived in [from, to), computed in the database. */
  abstract queueTotals(q: QueueTotalsQuery): Promise<GroupedQueueTotals>;
  /**
   * At most `limit` calls in [from, to) in (instant, callId) order after `after`: with `agentId`, the
   * calls that agent had a leg in (placed by their first leg); without, every call (by its first event).
   */
  abstract page(q: CallPageQuery): Promise<Array<{ at: number; stored: StoredFacts }>>;
  /** A page of per-agent sums over the legs that began in [from, to), computed in the database. */
  abstract agentTotals(q: AgentTotalsQuery): Promise<AgentTotalsPage>;
  /** Open calls with a leg that began ringing before `offeredBefore` (epoch ms) and is ringing still. */
  abstract ringingSince(offeredBefore: number): Promise<CallFacts[]>;
}


@Injectable()
export class PgCallFactsStore extends CallFactsStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async versions(callIds: string[]): Promise<Map<string, StoredVersion>> {
    const rows: Array<{ call_id: string; version: number; hash: string; first_event_at: Date; open: boolean }> = await this.scope
      .manager()
      .query(`SELECT call_id, version, hash, first_event_at, open FROM telephony.call_facts WHERE call_id = ANY($1::text[])`, [callIds]);
    return new Map(rows.map((r) => [r.call_id, { version: r.version, hash: r.hash, firstEventAt: r.first_event_at.getTime(), open: r.open }]));
  }

  async save(facts: StoredFacts[]): Promise<void> {
    if (facts.length === 0) return;
    // One JSON document for the batch (see PgCallEventStore.append for why). The report figures
    // are worked out by the domain and stored beside the facts, for the statistics' SQL.
    const rows = facts.map((f) => ({ ...f, open: isCallOpen(f.facts), ringingSince: ringingSince(f.facts), q: queueCallFigures(f.facts) }));
    const doc = JSON.stringify(rows);
    // Before the rows change: the queue rollup's notes read where the stored calls stood.
    await noteQueueCallChanges(
      this.scope.manager(),
      facts.filter((f) => f.stored).map((f) => f.callId),
      rows.flatMap((r) => (r.q === null ? [] : [r.q.arrivalAt])),
    );
    // Partitioned by the call's first event, so the key is (call_id, first_event_at): when a late
    // event moves a call's start, its row under the old start goes (into another month, perhaps).
    const moved = facts.flatMap((f) => (f.stored && f.stored.firstEventAt !== f.facts.firstEventAt ? [[f.callId, f.stored.firstEventAt]] : []));
    if (moved.length > 0) {
      await this.scope.manager().query(
        `DELETE FROM telephony.call_facts f USING jsonb_array_elements($1::jsonb) AS m
         WHERE f.call_id = m->>0 AND f.first_event_at = to_timestamp((m->>1)::double precision / 1000)`,
        [JSON.stringify(moved)],
      );
    }
    await this.scope.manager().query(
      `INSERT INTO telephony.call_facts (call_id, version, hash, facts, queue, open, first_event_at, last_event_at, policy_version, updated_at,
         in_queue, arrival_at, wait_ms, answered, abandon_reason, abandon_wait_ms, closed_by_timeout, talk_ms, hold_ms, missed_legs, ring_sum_ms, ring_count,
         ringing_since)
       SELECT f->>'callId', (f->>'version')::int, f->>'hash', f->'facts', f->'facts'->>'queue', (f->>'open')::boolean,
              to_timestamp((f->'facts'->>'firstEventAt')::double precision / 1000),
              to_timestamp((f->'facts'->>'lastEventAt')::double precision / 1000), f->>'policyVersion', now(),
              f->'q' <> 'null', to_timestamp((f->'q'->>'arrivalAt')::double precision / 1000), (f->'q'->>'waitMs')::bigint,
              (f->'facts'->>'answered')::boolean, f->'q'->>'abandonReason', (f->'q'->>'abandonWaitMs')::bigint,
              (f->'facts'->>'closedByTimeout')::boolean, coalesce((f->'q'->>'talkMs')::bigint, 0), coalesce((f->'q'->>'holdMs')::bigint, 0),
              coalesce((f->'q'->>'missedLegs')::int, 0), coalesce((f->'q'->>'ringSumMs')::bigint, 0), coalesce((f->'q'->>'ringCount')::int, 0),
              (f->>'ringingSince')::bigint
       FROM jsonb_array_elements($1::jsonb) AS f
       ORDER BY f->>'callId'
       ON CONFLICT (call_id, first_event_at) DO UPDATE SET version = EXCLUDED.version, hash = EXCLUDED.hash, facts = EXCLUDED.facts,
         queue = EXCLUDED.queue, open = EXCLUDED.open, first_event_at = EXCLUDED.first_event_at,
         last_event_at = EXCLUDED.last_event_at, policy_version = EXCLUDED.policy_version, updated_at = now(),
         in_queue = EXCLUDED.in_queue, arrival_at = EXCLUDED.arrival_at, wait_ms = EXCLUDED.wait_ms, answered = EXCLUDED.answered,
         abandon_reason = EXCLUDED.abandon_reason, abandon_wait_ms = EXCLUDED.abandon_wait_ms, closed_by_timeout = EXCLUDED.closed_by_timeout,
         talk_ms = EXCLUDED.talk_ms, hold_ms = EXCLUDED.hold_ms, missed_legs = EXCLUDED.missed_legs,
         ring_sum_ms = EXCLUDED.ring_sum_ms, ring_count = EXCLUDED.ring_count, ringing_since = EXCLUDED.ringing_since`,
      [doc],
    );
    await this.saveLegs(facts);
  }

  /**
   * One row per leg, written once the call is over (ended, abandoned or timed out): a call is
   * re-derived several times while it runs, and its legs' figures are final only then. Agent
   * statistics count finished calls. Only calls stored closed before have rows to replace (a late
   * event after the end): the saves of a running call touch no legs, in no month.
   */
  private async saveLegs(facts: StoredFacts[]): Promise<void> {
    const resaved = facts.filter((f) => f.stored && !f.stored.open).map((f) => f.callId);
    const over = facts.filter((f) => !isCallOpen(f.facts));
    const legs = over.flatMap((f) => agentLegFigures(f.facts).map((l) => ({ ...l, callId: f.callId, queue: f.facts.queue })));
    await noteLegChanges(this.scope.manager(), resaved, legs.map((l) => l.at)); // before the delete: it reads the old legs
    if (resaved.length > 0) await this.scope.manager().query(`DELETE FROM telephony.call_leg WHERE call_id = ANY($1::text[])`, [resaved]);
    if (legs.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO telephony.call_leg (call_id, leg_index, agent_id, queue, at, answered, missed, ring_ms, ring_limit_exceeded, talk_ms,
         hold_ms, hold_count, long_hold, wrap_up_ms, transferred, mos, rating, answered_after_wait_ms)
       SELECT l->>'callId', (l->>'legIndex')::int, l->>'agentId', l->>'queue', to_timestamp((l->>'at')::double precision / 1000),
              (l->>'answered')::boolean, (l->>'missed')::boolean, (l->>'ringMs')::bigint, (l->>'ringLimitExceeded')::boolean,
              (l->>'talkMs')::bigint, (l->>'holdMs')::bigint, (l->>'holdCount')::int, (l->>'longHold')::boolean, (l->>'wrapUpMs')::bigint,
              (l->>'transferred')::boolean, (l->>'mos')::double precision, l->>'rating', (l->>'answeredAfterWaitMs')::bigint
       FROM jsonb_array_elements($1::jsonb) AS l`,
      [JSON.stringify(legs)],
    );
  }

  queueTotals(q: QueueTotalsQuery): Promise<GroupedQueueTotals> {
    return sumQueueTotals(this.scope.manager(), q);
  }

  async page(q: CallPageQuery): Promise<Array<{ at: number; stored: StoredFacts }>> {
    // Keyset: the rows after the cursor's (instant, callId), read in that order, `limit` of them. The
    // cursor's instant is also a plain lower bound, so an index range starts at the page, not the window.
    const params: unknown[] = [q.from.toISOString(), q.to.toISOString(), q.limit];
    const after = (at: string, id: string) => {
      if (!q.after) return '';
      params.push(new Date(q.after.at).toISOString(), q.after.callId);
      const [t, c] = [`$${params.length - 1}::timestamptz`, `$${params.length}::text`];
      return `AND ${at} >= ${t} AND (${at}, ${id}) > (${t}, ${c})`;
    };
    let sql: string;
    if (q.agentId === undefined) {
      sql = `SELECT call_id, first_event_at AS at, version, hash, policy_version, facts FROM telephony.call_facts
             WHERE first_event_at >= $1 AND first_event_at < $2 ${after('first_event_at', 'call_id')}
             ORDER BY first_event_at, call_id LIMIT $3`;
    } else {
      params.push(q.agentId);
      // A call is placed by the agent's first leg in it.
      const agent = `$${params.length}`;
      sql = `WITH k AS (SELECT call_id, min(at) AS at FROM telephony.call_leg WHERE agent_id = ${agent} AND at >= $1 AND at < $2 GROUP BY call_id),
                  p AS (SELECT call_id, at FROM k WHERE true ${after('at', 'call_id')} ORDER BY at, call_id LIMIT $3)
             SELECT p.call_id, p.at, f.version, f.hash, f.policy_version, f.facts FROM p JOIN telephony.call_facts f USING (call_id)
             ORDER BY p.at, p.call_id`;
    }
    const rows: Array<{ call_id: string; at: Date; version: number; hash: string; policy_version: string; facts: CallFacts }> = await this.scope.manager().query(sql, params);
    return rows.map((r) => ({ at: r.at.getTime(), stored: { callId: r.call_id, version: r.version, hash: r.hash, policyVersion: r.policy_version, facts: r.facts } }));
  }

  agentTotals(q: AgentTotalsQuery): Promise<AgentTotalsPage> {
    return sumAgentTotals(this.scope.manager(), q);
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
      `SELECT facts FROM telephony.call_facts WHERE ringing_since < $1`, // set with domain/call-predicates at save
      [offeredBefore],
    );
    return rows.map((r) => r.facts);
  }

}
