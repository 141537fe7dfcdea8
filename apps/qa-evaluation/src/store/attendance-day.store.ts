import { Injectable } from '@nestjs/common';
import type { DayClosedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { dayHasUnexcusedLateEarlyOrAbsence } from '../domain/conduct/one-occurrence';
import { PgStore } from './pg-store';

export interface AttendanceDayCopy {
  agentId: string;
  /** yyyy-mm-dd */
  date: string;
  version: number;
  status: string;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  excused: boolean;
  /** The day carries an unexcused late arrival, early leave or absence: scoring deducts it from the day. */
  unexcusedLateEarlyAbsent: boolean;
}

/** qa's copy of attendance's closed days (`attendance.day.closed`, highest version kept), one row per agent and date. */
export abstract class AttendanceDayStore {
  /** False when a version at least as high is already kept. */
  abstract save(e: DayClosedEvent): Promise<boolean>;
  abstract get(agentId: string, date: string): Promise<AttendanceDayCopy | null>;
}

interface Row {
  agent_id: string; date_ymd: string; version: number; status: string; late_minutes: number; early_leave_minutes: number; excused: boolean; unexcused_late_early_absent: boolean;
}

@Injectable()
export class PgAttendanceDayStore extends PgStore implements AttendanceDayStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async save(e: DayClosedEvent): Promise<boolean> {
    const day = { status: e.status, lateMinutes: e.lateMinutes ?? 0, earlyLeaveMinutes: e.earlyLeaveMinutes ?? 0, excused: e.excused ?? false };
    const rows = await this.q(
      `INSERT INTO qa.attendance_day (agent_id, date, version, event_id, status, late_minutes, early_leave_minutes, excused, unexcused_late_early_absent)
       VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (agent_id, date) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id, status = EXCLUDED.status,
         late_minutes = EXCLUDED.late_minutes, early_leave_minutes = EXCLUDED.early_leave_minutes, excused = EXCLUDED.excused,
         unexcused_late_early_absent = EXCLUDED.unexcused_late_early_absent, updated_at = now()
       WHERE qa.attendance_day.version < EXCLUDED.version RETURNING 1`,
      [e.agentId, e.date, e.version, e.eventId ?? null, day.status, day.lateMinutes, day.earlyLeaveMinutes, day.excused, dayHasUnexcusedLateEarlyOrAbsence(day)],
    );
    return rows.length === 1;
  }

  async get(agentId: string, date: string): Promise<AttendanceDayCopy | null> {
    const [r] = await this.q<Row>(`SELECT *, to_char(date, 'YYYY-MM-DD') AS date_ymd FROM qa.attendance_day WHERE agent_id = $1 AND date = $2::date`, [agentId, date]);
    return r ? {
      agentId: r.agent_id, date: r.date_ymd, version: r.version, status: r.status, lateMinutes: r.late_minutes, earlyLeaveMinutes: r.early_leave_minutes,
      excused: r.excused, unexcusedLateEarlyAbsent: r.unexcused_late_early_absent,
    } : null;
  }
}
