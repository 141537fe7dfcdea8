import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
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
  ) {}

  /** Leave overlapping a month, in every status (an agent sees only their own). */
  month(period: unknown, user: AuthenticatedUser, agentId?: string): Promise<LeaveRecord[]> {
    const { from, to } = periodParam(period);
    const who = actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId;
    return who ? this.leaves.overlapping([who], from, to, ['requested', 'approved', 'rejected']) : this.leaves.inPeriod(from, to);
  }

  async types(): Promise<LeaveTypePolicy[]> {
    return (await this.policy.current()).values.leaveTypes;
  }
}
