import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { DAY_STATUSES, type DayStatus } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { attendanceError, invalid, unknownAgent } from '../attendance.errors';
import { DayCloser } from '../closing/day-closer';
import type { AttendanceDayClosedEvent } from '../closing/to-day-closed-event';
import type { DayOverride } from '../domain/decide-day';
import { isRecord, unknownFields, type FieldError } from '../domain/item-errors';
import { isLocalDate, parseInstant } from '../domain/local-time';
import { AgentStore } from '../store/agent.store';
import { DayRecordStore } from '../store/day-record.store';
import { RosterStore } from '../store/roster.store';

export interface CorrectDayCommand {
  agentId: string;
  date: string;
  body: unknown;
  /** Who corrects: a supervisor corrects the days of their own teams' people, hr anyone's. */
  by: AuthenticatedUser;
}

export interface CorrectDayResult {
  /** The day as now decided; null when it has not closed yet (the correction applies when it does). */
  day: AttendanceDayClosedEvent | null;
  corrections: number;
}

/**
 * A supervisor's correction of one day, with a reason; every correction is kept. A day already
 * closed is decided again at once and re-published with the next version.
 */
@Injectable()
export class CorrectDay {
  constructor(
    private readonly scope: TransactionScope,
    private readonly agents: AgentStore,
    private readonly rosters: RosterStore,
    private readonly days: DayRecordStore,
    private readonly closer: DayCloser,
    private readonly teams: TeamScope,
  ) {}

  async execute(cmd: CorrectDayCommand): Promise<CorrectDayResult> {
    const correction = parseCorrection(cmd);
    return this.scope.run(async () => {
      if (!(await this.agents.find([cmd.agentId])).has(cmd.agentId)) throw unknownAgent(cmd.agentId, 'agentId');
      await this.teams.assertReaches(cmd.by, cmd.agentId);
      const key = { agentId: cmd.agentId, date: cmd.date };
      const roster = (await this.rosters.get([key])).values().next().value;
      if (!roster) throw attendanceError('ATTENDANCE.NOT_ROSTERED', `${cmd.agentId} is not rostered on ${cmd.date} / 该日无排班`, [{ path: 'date', message: 'no roster day' }]);
      await this.days.addCorrection(key, correction, cmd.by.sub);
      const corrections = (await this.days.corrections(cmd.agentId, cmd.date)).length;
      if (!roster.closed) return { day: null, corrections };
      const [saved] = await this.closer.close([key], { cause: 'corrected', now: Date.now(), correctionReason: correction.reason });
      return { day: saved.day as AttendanceDayClosedEvent, corrections };
    });
  }
}

function parseCorrection(cmd: CorrectDayCommand): DayOverride {
  const errors: FieldError[] = [];
  if (!isLocalDate(cmd.date)) errors.push({ path: 'date', message: 'a real date yyyy-mm-dd' });
  const raw = cmd.body;
  if (!isRecord(raw)) throw invalid([...errors, { path: 'body', message: 'a correction object { in?, out?, status?, excused?, reason }' }]);
  errors.push(...unknownFields(raw, ['in', 'out', 'status', 'excused', 'reason']));
  if (typeof raw.reason !== 'string' || raw.reason.trim() === '') errors.push({ path: 'reason', message: 'a correction needs its reason / 更正须注明原因' });
  const out: DayOverride = { reason: String(raw.reason ?? '').trim() };
  for (const k of ['in', 'out'] as const) {
    if (raw[k] === undefined) continue;
    const at = parseInstant(raw[k]);
    if (at === null) errors.push({ path: k, message: 'an ISO-8601 instant with offset' });
    else out[k] = at;
  }
  if (raw.status !== undefined) {
    if (!DAY_STATUSES.includes(raw.status as DayStatus)) errors.push({ path: 'status', message: `one of ${DAY_STATUSES.join(', ')}` });
    else out.status = raw.status as DayStatus;
  }
  if (raw.excused !== undefined) {
    if (typeof raw.excused !== 'boolean') errors.push({ path: 'excused', message: 'true or false' });
    else out.excused = raw.excused;
  }
  if (out.in !== undefined && out.out !== undefined && out.out <= out.in) errors.push({ path: 'out', message: 'after in' });
  if (errors.length) throw invalid(errors);
  return out;
}
