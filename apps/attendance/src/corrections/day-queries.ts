import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { attendanceError } from '../attendance.errors';
import { assertSelf } from '../http/actor';
import { DayRecordStore } from '../store/day-record.store';

@Injectable()
export class DayQueries {
  constructor(
    private readonly days: DayRecordStore,
    private readonly teams: TeamScope,
  ) {}

  /** A day as decided now, with every correction made to it (an agent sees only their own, a supervisor their teams'). */
  async get(agentId: string, date: string, user: AuthenticatedUser) {
    assertSelf(user, agentId);
    await this.teams.assertReaches(user, agentId);
    const day = await this.days.get(agentId, date);
    if (!day) throw attendanceError('ATTENDANCE.NOT_ROSTERED', `No closed day for ${agentId} on ${date} / 该日无考勤记录`, [{ path: 'date', message: 'not closed' }]);
    return { day, corrections: await this.days.corrections(agentId, date) };
  }
}
