import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { cursorKey, limitOf, pageOf, type Page, type PageQuery } from '@app/platform';
import type { LeaveTypePolicy } from '../domain/policy/attendance-policy';
import { actsAsAgentOnly } from '../http/actor';
import { periodParam } from '../http/period';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { LeaveStore, type LeaveRecord } from '../store/leave.store';
import { reachFilter } from '../store/reach';
import type { LeaveListQuery } from './leave-list.query';

@Injectable()
export class LeaveQueries {
  constructor(
    private readonly leaves: LeaveStore,
    private readonly policy: AttendancePolicyStore,
    private readonly teams: TeamScope,
  ) {}

  /** A page of the leave overlapping a month, in every status (an agent sees only their own, a supervisor their teams'). */
  async month(q: LeaveListQuery, user: AuthenticatedUser): Promise<Page<LeaveRecord>> {
    const { from, to } = periodParam(q.period);
    const limit = limitOf(q);
    const key = cursorKey(q, ['string', 'date', 'string']) as [string, string, string] | undefined;
    const who = actsAsAgentOnly(user) ? (user.agentId ?? '-') : q.agentId;
    if (who && !actsAsAgentOnly(user)) await this.teams.assertReaches(user, who);
    const reach = reachFilter(await this.teams.reachOf(user));
    const after = key && { agentId: key[0], from: key[1], leaveId: key[2] };
    const rows = await this.leaves.page({ from, to, agentId: who || undefined, reach, after, take: limit + 1 });
    return pageOf(rows, limit, (l) => [l.agentId, l.from, l.leaveId]);
  }

  /** The policy's leave types by code: a handful, held in memory with the policy, so the page is cut there. */
  async types(q: PageQuery): Promise<Page<LeaveTypePolicy>> {
    const limit = limitOf(q);
    const [after] = (cursorKey(q, ['string']) ?? []) as string[];
    const types = [...(await this.policy.current()).values.leaveTypes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return pageOf(types.filter((t) => after === undefined || t.code > after).slice(0, limit + 1), limit, (t) => [t.code]);
  }
}
