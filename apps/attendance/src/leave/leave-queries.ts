import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import type { LeaveTypePolicy } from '../domain/attendance-policy';
import { actsAsAgentOnly } from '../http/actor';
import { periodParam } from '../http/period';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { LeaveStore, type LeaveRecord } from '../store/leave.store';

@Injectable()
export class LeaveQueries {
  constructor(
    private readonly leaves: LeaveStore,
    private readonly policy: AttendancePolicyStore,
    private readonly teams: TeamScope,
  ) {}

  /** Leave overlapping a month, in every status (an agent sees only their own, a supervisor their teams'). */
  async month(period: unknown, user: AuthenticatedUser, agentId?: string): Promise<LeaveRecord[]> {
    const { from, to } = periodParam(period);
    const who = actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId;
    if (who && !actsAsAgentOnly(user)) await this.teams.assertReaches(user, who);
    const leave = who ? await this.leaves.overlapping([who], from, to, ['requested', 'approved', 'rejected']) : await this.leaves.inPeriod(from, to);
    return this.teams.filter(user, leave, (l) => l.agentId);
  }

  async types(): Promise<LeaveTypePolicy[]> {
    return (await this.policy.current()).values.leaveTypes;
  }
}
