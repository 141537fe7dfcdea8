import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { attendanceError } from '../attendance.errors';
import { datesFrom } from '../domain/days/local-time';
import { BusinessLocks } from '../store/business-locks';
import { LeaveStore, type LeaveStatus } from '../store/leave.store';
import { RosterStore } from '../store/roster.store';
import type { DecideLeaveCommand } from './decide-leave.command';
import { LeaveRules } from './leave-rules';

/** Approves or rejects requested leave; approved leave on days already closed re-decides them. */
@Injectable()
export class DecideLeave {
  constructor(
    private readonly scope: TransactionScope,
    private readonly leaves: LeaveStore,
    private readonly rosters: RosterStore,
    private readonly rules: LeaveRules,
    private readonly locks: BusinessLocks,
    private readonly teams: TeamScope,
  ) {}

  /** A supervisor decides the leave of their own teams' people (hr: anyone's). */
  async execute(leaveId: string, decision: DecideLeaveCommand, user: AuthenticatedUser): Promise<{ leaveId: string; status: LeaveStatus }> {
    return this.scope.run(async () => {
      const leave = await this.leaves.get(leaveId, true);
      if (!leave) throw attendanceError('ATTENDANCE.LEAVE_NOT_FOUND', `No leave ${leaveId} / 无此请假`, [{ path: 'leaveId', message: 'unknown' }]);
      await this.teams.assertReaches(user, leave.agentId);
      if (leave.status !== 'requested') {
        throw attendanceError('ATTENDANCE.LEAVE_ALREADY_DECIDED', `Leave ${leaveId} is already ${leave.status} / 已审批`, [{ path: 'leaveId', message: leave.status }]);
      }
      await this.locks.lock([`agent:${leave.agentId}`]);
      const status: LeaveStatus = decision.approve ? 'approved' : 'rejected';
      if (status === 'approved') await this.rules.assertAllowed(leave.agentId, leave.from, leave.to);
      await this.leaves.decide(leaveId, status, user.sub, decision.reason ?? null);
      if (status === 'approved') await this.rosters.markDirty(datesFrom(leave.from, leave.to).map((date) => ({ agentId: leave.agentId, date })));
      return { leaveId, status };
    });
  }
}
