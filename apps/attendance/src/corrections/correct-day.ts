import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { attendanceError, invalid, unknownAgent } from '../attendance.errors';
import { DayCloser } from '../closing/day-closer';
import type { AttendanceDayClosedEvent } from '../closing/to-day-closed-event';
import type { DayOverride } from '../domain/days/decide-day';
import { parseInstant } from '../domain/days/local-time';
import { AgentStore } from '../store/agent.store';
import { DayRecordStore } from '../store/day-record.store';
import { RosterStore } from '../store/roster.store';
import type { CorrectDayCommand } from './correct-day.command';

export interface CorrectDayRequest {
  agentId: string;
  date: string;
  body: CorrectDayCommand;
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

  async execute(cmd: CorrectDayRequest): Promise<CorrectDayResult> {
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

/** The checked correction as the day's decision takes it; `out` must come after `in` when both are given. */
function parseCorrection({ body }: CorrectDayRequest): DayOverride {
  const out: DayOverride = { reason: body.reason.trim() };
  if (body.in != null) out.in = parseInstant(body.in) ?? undefined;
  if (body.out != null) out.out = parseInstant(body.out) ?? undefined;
  if (body.status != null) out.status = body.status;
  if (body.excused != null) out.excused = body.excused;
  if (out.in !== undefined && out.out !== undefined && out.out <= out.in) throw invalid([{ path: 'out', message: 'after in / 须晚于 in' }]);
  return out;
}
