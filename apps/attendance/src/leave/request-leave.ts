import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { attendanceError, invalid, unknownAgent } from '../attendance.errors';
import { leaveTypeOf } from '../domain/policy/attendance-policy';
import { findLeaveClash, STANDING_LEAVE_STATUSES, type HalfDay, type LeaveStatus } from '../domain/leave/leave-overlap';
import type { FieldError } from '../domain/input/item-errors';
import { daysBetween } from '../domain/days/local-time';
import { assertSelf } from '../http/actor';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStore } from '../store/agent.store';
import { BusinessLocks } from '../store/business-locks';
import { LeaveStore } from '../store/leave.store';
import { LeaveRules } from './leave-rules';
import type { RequestLeaveCommand } from './request-leave.command';

/** Longest single request; longer absences are filed as several. */
const MAX_LEAVE_DAYS = 366;

@Injectable()
export class RequestLeave {
  constructor(
    private readonly scope: TransactionScope,
    private readonly leaves: LeaveStore,
    private readonly agents: AgentStore,
    private readonly rules: LeaveRules,
    private readonly policy: AttendancePolicyStore,
    private readonly locks: BusinessLocks,
    private readonly teams: TeamScope,
  ) {}

  async execute(cmd: RequestLeaveCommand, user: AuthenticatedUser): Promise<{ leaveId: string; status: LeaveStatus }> {
    const errors = spanErrors(cmd);
    if (errors.length) throw invalid(errors);
    const { agentId, type, from, to } = cmd;
    assertSelf(user, agentId);
    const policy = (await this.policy.current()).values;
    if (!leaveTypeOf(policy, type)) {
      throw attendanceError('ATTENDANCE.UNKNOWN_LEAVE_TYPE', `Unknown leave type ${type} / 未知假别`, [{ path: 'type', message: `one of ${policy.leaveTypes.map((t) => t.code).join(', ')}` }]);
    }
    const ask = { agentId, type, from, to, halfDay: cmd.halfDay ?? null };
    return this.scope.run(async () => {
      // Held to the commit: a retry racing the first request waits here, then finds the leave it made.
      await this.locks.lock([`agent:${agentId}`]);
      if (!(await this.agents.find([agentId])).has(agentId)) throw unknownAgent(agentId);
      await this.teams.assertReaches(user, agentId);
      const clash = findLeaveClash(ask, await this.leaves.overlapping([agentId], from, to, STANDING_LEAVE_STATUSES));
      if (clash?.kind === 'same') return { leaveId: clash.leave.leaveId, status: clash.leave.status };
      if (clash) {
        const o = clash.leave;
        throw attendanceError('ATTENDANCE.LEAVE_OVERLAPS', `Leave ${o.leaveId} (${o.status}) already covers ${daysText(o)} / 与请假 ${o.leaveId}（${daysText(o)}）日期重叠`, [
          { path: clash.path, message: `overlaps ${o.leaveId}` },
        ]);
      }
      await this.rules.assertAllowed(agentId, from, to);
      const leaveId = `leave-${randomUUID()}`;
      await this.leaves.create({ ...ask, leaveId, status: 'requested', requestedBy: user.sub, decidedBy: null, reason: null });
      return { leaveId, status: 'requested' as const };
    });
  }
}

/** What the dates say together: in order, not too long, and half a day on one date only. */
function spanErrors(cmd: RequestLeaveCommand): FieldError[] {
  const span = daysBetween(cmd.from, cmd.to);
  if (span < 0) return [{ path: 'to', message: 'on or after from / 不得早于 from' }];
  if (span >= MAX_LEAVE_DAYS) return [{ path: 'to', message: `at most ${MAX_LEAVE_DAYS} days per request / 每次最多 ${MAX_LEAVE_DAYS} 天` }];
  if (cmd.halfDay != null && span !== 0) return [{ path: 'halfDay', message: 'half a day is one date: from = to / 半天假须 from = to' }];
  return [];
}

const daysText = (l: { from: string; to: string; halfDay: HalfDay | null }) => (l.from === l.to ? l.from : `${l.from}–${l.to}`) + (l.halfDay ? ` ${l.halfDay}` : '');
