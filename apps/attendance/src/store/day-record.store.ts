import { Injectable } from '@nestjs/common';
import type { DayClosedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import type { DayOverride } from '../domain/days/decide-day';
import type { ClosedDay } from '../domain/month/month-summary';
import { withinReach, type ReachFilter } from './reach';
import type { DayKey } from './roster.store';

export interface StoredDay {
  agentId: string;
  date: string;
  version: number;
  hash: string;
  day: DayClosedEvent;
}

/** The current decision of each closed day; every version is also on the stream. */
export abstract class DayRecordStore {
  abstract save(days: StoredDay[]): Promise<void>;
  /** One agent's closed days from `from` to `to`, in full. */
  abstract ofPeriod(from: string, to: string, agentId: string): Promise<DayClosedEvent[]>;
  /** The figures of closed days only (no reasons or instants), of these agents: light enough for a page of a centre. */
  abstract figuresOf(from: string, to: string, agentIds: string[]): Promise<Array<ClosedDay & { agentId: string }>>;
  /**
   * A month summary's people, by agentId: up to `take` after `after`, within `reach`, who have a closed day from
   * `windowFrom` (the away window's start) to `to`, or a roster day from `from` to `to`.
   */
  abstract agentsOfMonth(q: { windowFrom: string; from: string; to: string; reach: ReachFilter; after?: string; take: number }): Promise<string[]>;
  abstract get(agentId: string, date: string): Promise<DayClosedEvent | null>;
  abstract addCorrection(key: DayKey, correction: DayOverride, by: string): Promise<void>;
  abstract corrections(agentId: string, date: string): Promise<Array<DayOverride & { by: string; at: string }>>;
}

@Injectable()
export class PgDayRecordStore extends DayRecordStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async save(days: StoredDay[]): Promise<void> {
    if (days.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO attendance.day_record (agent_id, date, version, status, hash, day, closed_at)
       SELECT d->>'agentId', (d->>'date')::date, (d->>'version')::int, d->'day'->>'status', d->>'hash', d->'day', now()
       FROM jsonb_array_elements($1::jsonb) AS d
       ON CONFLICT (agent_id, date) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, hash = EXCLUDED.hash,
         day = EXCLUDED.day, closed_at = now()`,
      [JSON.stringify(days)],
    );
  }

  async ofPeriod(from: string, to: string, agentId: string): Promise<DayClosedEvent[]> {
    const rows: Array<{ day: DayClosedEvent }> = await this.scope.manager().query(
      `SELECT day FROM attendance.day_record WHERE agent_id = $3 AND date BETWEEN $1 AND $2 ORDER BY date`,
      [from, to, agentId],
    );
    return rows.map((r) => r.day);
  }

  async figuresOf(from: string, to: string, agentIds: string[]): Promise<Array<ClosedDay & { agentId: string }>> {
    const rows: Array<ClosedDay & { agentId: string }> = await this.scope.manager().query(
      `SELECT agent_id AS "agentId", date::text AS date, day->>'shift' AS shift, status, (day->>'lateMinutes')::int AS "lateMinutes",
              (day->>'earlyLeaveMinutes')::int AS "earlyLeaveMinutes", day->>'leaveType' AS "leaveType", day->>'leaveHalfDay' AS "leaveHalfDay",
              (day->>'leaveBreaksFullAttendance')::boolean AS "leaveBreaksFullAttendance",
              (day->>'breaksFullAttendance')::boolean AS "breaksFullAttendance", (day->>'excused')::boolean AS excused,
              coalesce((day->>'missedClockOut')::boolean, false) AS "missedClockOut", version
       FROM attendance.day_record WHERE agent_id = ANY($3::text[]) AND date BETWEEN $1 AND $2 ORDER BY agent_id, date`,
      [from, to, agentIds],
    );
    // SQL nulls → absent fields, as in the events (a day closed before `breaksFullAttendance` existed is read from its other fields).
    for (const r of rows) for (const k of ['leaveType', 'leaveHalfDay', 'leaveBreaksFullAttendance', 'breaksFullAttendance'] as const) if (r[k] === null) delete r[k];
    return rows;
  }

  async agentsOfMonth(q: { windowFrom: string; from: string; to: string; reach: ReachFilter; after?: string; take: number }): Promise<string[]> {
    // Walks the directory by agentId from the cursor and asks each person's (agent_id, date) keys: a page costs its
    // own people, not the month's rows. Every roster day (hence every closed day) is of a directory agent — rosters
    // refuse unknown ones and agents are never deleted — so the directory holds everyone the month has.
    const rows: Array<{ agent_id: string }> = await this.scope.manager().query(
      `SELECT a.agent_id FROM attendance.agent a
       WHERE ($4::text IS NULL OR a.agent_id > $4) AND ${withinReach('a.agent_id', 'a.team', 5, 6)}
         AND (EXISTS (SELECT 1 FROM attendance.day_record d WHERE d.agent_id = a.agent_id AND d.date BETWEEN $1 AND $3)
           OR EXISTS (SELECT 1 FROM attendance.roster r WHERE r.agent_id = a.agent_id AND r.date BETWEEN $2 AND $3))
       ORDER BY a.agent_id LIMIT $7`,
      [q.windowFrom, q.from, q.to, q.after ?? null, q.reach.teams, q.reach.self, q.take],
    );
    return rows.map((r) => r.agent_id);
  }

  async get(agentId: string, date: string): Promise<DayClosedEvent | null> {
    const rows: Array<{ day: DayClosedEvent }> = await this.scope.manager().query(`SELECT day FROM attendance.day_record WHERE agent_id = $1 AND date = $2`, [agentId, date]);
    return rows[0]?.day ?? null;
  }

  async addCorrection(key: DayKey, correction: DayOverride, by: string): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO attendance.day_correction (agent_id, date, correction, corrected_by) VALUES ($1, $2, $3, $4)`,
      [key.agentId, key.date, JSON.stringify(correction), by],
    );
  }

  async corrections(agentId: string, date: string): Promise<Array<DayOverride & { by: string; at: string }>> {
    const rows: Array<{ correction: DayOverride; corrected_by: string; corrected_at: Date }> = await this.scope.manager().query(
      `SELECT correction, corrected_by, corrected_at FROM attendance.day_correction WHERE agent_id = $1 AND date = $2 ORDER BY id`,
      [agentId, date],
    );
    return rows.map((r) => ({ ...r.correction, by: r.corrected_by, at: r.corrected_at.toISOString() }));
  }
}
