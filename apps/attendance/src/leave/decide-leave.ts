import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { attendanceError, invalid } from '../attendance.errors';
import { isRecord, unknownFields } from '../domain/item-errors';
import { datesFrom } from '../domain/local-time';
import { BusinessLocks } from '../store/business-locks';
import { LeaveStore, type LeaveStatus } from '../store/leave.store';
import { RosterStore } from '../store/roster.store';
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
  async execute(leaveId: string, raw: unknown, user: AuthenticatedUser): Promise<{ leaveId: string; status: LeaveStatus }> {
    if (!isRecord(raw)) throw invalid([{ path: 'body', message: 'a decision { approve, reason? }' }]);
    const errors = unknownFields(raw, ['approve', 'reason']);
    if (typeof raw.approve !== 'boolean') errors.push({ path: 'approve', message: 'true or false' });
    if (raw.reason !== undefined && typeof raw.reason !== 'string') errors.push({ path: 'reason', message: 'text' });
    if (errors.length) throw invalid(errors);
    return this.scope.run(async () => {
      const leave = await this.leaves.get(leaveId, true);
      if (!leave) throw attendanceError('ATTENDANCE.LEAVE_NOT_FOUND', `No leave ${leaveId} / 无此请假`, [{ path: 'leaveId', message: 'unknown' }]);
      await this.teams.assertReaches(user, leave.agentId);
      if (leave.status !== 'requested') {
        throw attendanceError('ATTENDANCE.LEAVE_ALREADY_DECIDED', `Leave ${leaveId} is already ${leave.status} / 已审批`, [{ path: 'leaveId', message: leave.status }]);
      }
      await this.locks.lock([`agent:${leave.agentId}`]);
      const status: LeaveStatus = raw.approve ? 'approved' : 'rejected';
      if (status === 'approved') await this.rules.assertAllowed(leave.agentId, leave.from, leave.to);
      await this.leaves.decide(leaveId, status, user.sub, (raw.reason as string | undefined) ?? null);
      if (status === 'approved') await this.rosters.markDirty(datesFrom(leave.from, leave.to).map((date) => ({ agentId: leave.agentId, date })));
      return { leaveId, status };
    });
  }
}
