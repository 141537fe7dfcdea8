import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { ClockEvent } from '../domain/days/clock-event';
import type { ShiftSpan } from '../domain/days/shift-type';
import { withinReach, type ReachFilter } from './reach';

export interface DayKey {
  agentId: string;
  date: string;
}

export interface RosterDay extends DayKey {
  shift: string;
  /** Null for a day rostered `off` after it had closed (kept so the day re-closes as off). */
  span: ShiftSpan | null;
  swapId: string | null;
  /** Decided at least once: a change now re-closes it with a higher version. */
  closed: boolean;
}

export const dayKey = (agentId: string, date: string) => `${agentId}@${date}`;

/** Rosters per agent per day, placed in time when written; the close worker's queue is on them. */
export abstract class RosterStore {
  abstract get(keys: DayKey[]): Promise<Map<string, RosterDay>>;
  /** Every roster day of these agents from `from` to `to` (local dates, both included). */
  abstract ofAgents(agentIds: string[], from: string, to: string): Promise<RosterDay[]>;
  /** Up to `take` days from `from` to `to` after `after` by (agentId, date), of a team or one agent, within `reach`. */
  abstract page(q: RosterPageQuery): Promise<RosterDay[]>;
  /** Writes days; a day already closed is marked for re-closing (a correction, with a higher version). */
  abstract put(days: Array<Omit<RosterDay, 'closed'>>): Promise<void>;
  /** Days of this shift type not closed yet. */
  abstract openOfShift(shift: string): Promise<RosterDay[]>;
  /** Removes days never closed. */
  abstract remove(keys: DayKey[]): Promise<void>;
  /**
   * Claims (and marks closed) days whose check-out window ended by `now` and were never closed, or
   * that changed since; `closed` in the answer tells which had been closed before.
   */
  abstract claimDue(now: number, limit: number): Promise<RosterDay[]>;
  abstract markClosed(keys: DayKey[]): Promise<void>;
  /** Marks closed days whose window holds one of these (late) clock events. */
  abstract markTouchedBy(events: ClockEvent[]): Promise<number>;
  abstract markDirty(keys: DayKey[]): Promise<void>;
  abstract markDirtyOn(dates: string[]): Promise<void>;
}

export interface RosterPageQuery {
  from: string;
  to: string;
  team?: string;
  agentId?: string;
  reach: ReachFilter;
  after?: DayKey;
  take: number;
}

interface Row {
  agent_id: string;
  date: string;
  shift: string;
  span: ShiftSpan | null;
  swap_id: string | null;
  closed: boolean;
}

const toDay = (r: Row): RosterDay => ({ agentId: r.agent_id, date: r.date, shift: r.shift, span: r.span, swapId: r.swap_id, closed: r.closed });
const COLUMNS = `agent_id, date::text AS date, shift, span, swap_id, closed`;
const ts = (ms: string) => `to_timestamp((${ms})::double precision / 1000)`;

@Injectable()
export class PgRosterStore extends RosterStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async get(keys: DayKey[]): Promise<Map<string, RosterDay>> {
    if (keys.length === 0) return new Map();
    const rows: Row[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM attendance.roster
       WHERE (agent_id, date) IN (SELECT * FROM unnest($1::text[], $2::date[]))`,
      [keys.map((k) => k.agentId), keys.map((k) => k.date)],
    );
    return new Map(rows.map((r) => [dayKey(r.agent_id, r.date), toDay(r)]));
  }

  async ofAgents(agentIds: string[], from: string, to: string): Promise<RosterDay[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT ${COLUMNS} FROM attendance.roster WHERE agent_id = ANY($1::text[]) AND date BETWEEN $2 AND $3`,
      [agentIds, from, to],
    );
    return rows.map(toDay);
  }

  async page(q: RosterPageQuery): Promise<RosterDay[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT r.agent_id, r.date::text AS date, r.shift, r.span, r.swap_id, r.closed FROM attendance.roster r
       LEFT JOIN attendance.agent a ON a.agent_id = r.agent_id
       WHERE r.date BETWEEN $1 AND $2 AND ($3::text IS NULL OR a.team = $3) AND ($4::text IS NULL OR r.agent_id = $4)
         AND ($5::text IS NULL OR (r.agent_id, r.date) > ($5::text, $6::date)) AND ${withinReach('r.agent_id', 'a.team', 7, 8)}
       ORDER BY r.agent_id, r.date LIMIT $9`,
      [q.from, q.to, q.team ?? null, q.agentId ?? null, q.after?.agentId ?? null, q.after?.date ?? null, q.reach.teams, q.reach.self, q.take],
    );
    return rows.map(toDay);
  }

  async put(days: Array<Omit<RosterDay, 'closed'>>): Promise<void> {
    if (days.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO attendance.roster (agent_id, date, shift, start_at, end_at, window_from, window_to, span, swap_id)
       SELECT d->>'agentId', (d->>'date')::date, d->>'shift', ${ts("d->'span'->>'startAt'")}, ${ts("d->'span'->>'endAt'")},
              ${ts("d->'span'->>'windowFrom'")}, ${ts("d->'span'->>'windowTo'")}, d->'span', d->>'swapId'
       FROM jsonb_array_elements($1::jsonb) AS d
       ORDER BY d->>'agentId', d->>'date'
       ON CONFLICT (agent_id, date) DO UPDATE SET shift = EXCLUDED.shift, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
         window_from = EXCLUDED.window_from, window_to = EXCLUDED.window_to, span = EXCLUDED.span, swap_id = EXCLUDED.swap_id,
         dirty = attendance.roster.closed, updated_at = now()`,
      [JSON.stringify(days.map((d) => ({ ...d, span: d.span ?? null })))],
    );
  }

  async openOfShift(shift: string): Promise<RosterDay[]> {
    const rows: Row[] = await this.scope.manager().query(`SELECT ${COLUMNS} FROM attendance.roster WHERE shift = $1 AND NOT closed`, [shift]);
    return rows.map(toDay);
  }

  async remove(keys: DayKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.scope.manager().query(
      `DELETE FROM attendance.roster WHERE NOT closed AND (agent_id, date) IN (SELECT * FROM unnest($1::text[], $2::date[]))`,
      [keys.map((k) => k.agentId), keys.map((k) => k.date)],
    );
  }

  async claimDue(now: number, limit: number): Promise<RosterDay[]> {
    // Claimed, marked closed and read in one statement: the close runs in the same transaction,
    // so a failure rolls the mark back with everything else.
    const m = this.scope.manager();
    const claim = (pick: string, params: unknown[]) =>
      m.query(
        `UPDATE attendance.roster r SET closed = true, dirty = false FROM (${pick}) c
         WHERE r.agent_id = c.agent_id AND r.date = c.date
         RETURNING r.agent_id, r.date::text AS date, r.shift, r.span, r.swap_id, c.was_closed AS closed`,
        params,
      ) as Promise<[Row[], number]>;
    const [due] = await claim(
      `SELECT agent_id, date, false AS was_closed FROM attendance.roster
       WHERE NOT closed AND window_to <= to_timestamp($1::double precision / 1000)
       ORDER BY window_to LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    const [dirty] = due.length < limit
      ? await claim(`SELECT agent_id, date, true AS was_closed FROM attendance.roster WHERE dirty LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit - due.length])
      : [[] as Row[]];
    return [...due, ...dirty].map(toDay);
  }

  async markClosed(keys: DayKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.scope.manager().query(
      `UPDATE attendance.roster SET closed = true, dirty = false WHERE (agent_id, date) IN (SELECT * FROM unnest($1::text[], $2::date[]))`,
      [keys.map((k) => k.agentId), keys.map((k) => k.date)],
    );
  }

  async markTouchedBy(events: ClockEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    // Every day whose window holds an event and could be closing (its window over, give or take
    // clock skew) is updated, not only the closed ones: a day a close is committing right now is
    // locked by it, so this waits and then sets `dirty` from the committed row. Filtering on
    // `closed` would read the old row and let that late event slip past the close. For a day not
    // closed the value stays the same (a HOT update). Counted in SQL: TypeORM answers an UPDATE with
    // [rows, affected].
    const rows: Array<{ n: number }> = await this.scope.manager().query(
      `WITH touched AS (
         UPDATE attendance.roster r SET dirty = r.closed OR r.dirty
         FROM unnest($1::text[], $2::double precision[]) AS e(agent_id, at)
         WHERE r.agent_id = e.agent_id AND NOT r.dirty AND r.window_to <= now() + interval '1 hour'
           AND to_timestamp(e.at / 1000) BETWEEN r.window_from AND r.window_to
         RETURNING r.closed)
       SELECT count(*) FILTER (WHERE closed)::int AS n FROM touched`,
      [events.map((e) => e.agentId), events.map((e) => e.at)],
    );
    return rows[0].n;
  }

  async markDirty(keys: DayKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.scope.manager().query(
      `UPDATE attendance.roster SET dirty = true WHERE closed AND (agent_id, date) IN (SELECT * FROM unnest($1::text[], $2::date[]))`,
      [keys.map((k) => k.agentId), keys.map((k) => k.date)],
    );
  }

  async markDirtyOn(dates: string[]): Promise<void> {
    if (dates.length === 0) return;
    await this.scope.manager().query(`UPDATE attendance.roster SET dirty = true WHERE closed AND date = ANY($1::date[])`, [dates]);
  }
}
