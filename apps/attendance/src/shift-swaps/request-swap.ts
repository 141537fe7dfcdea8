import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { unknownAgent } from '../attendance.errors';
import { standingSameSwap } from '../domain/swaps/swap-retry';
import { checkSwap, type SwapRequest } from '../domain/swaps/swap-rules';
import { actsAsAgentOnly, assertSelf } from '../http/actor';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStore } from '../store/agent.store';
import { BusinessLocks } from '../store/business-locks';
import { SwapStore, type SwapStatus } from '../store/swap.store';
import type { RequestSwapCommand } from './request-swap.command';
import { SwapContextLoader } from './swap-context.loader';
import { swapRefused } from './swap-refused';

/** A swap request: every rule of rules.md §2 is checked now, and again when a supervisor approves. */
@Injectable()
export class RequestSwap {
  constructor(
    private readonly scope: TransactionScope,
    private readonly swaps: SwapStore,
    private readonly agents: AgentStore,
    private readonly context: SwapContextLoader,
    private readonly policy: AttendancePolicyStore,
    private readonly locks: BusinessLocks,
    private readonly teams: TeamScope,
  ) {}

  async execute(cmd: RequestSwapCommand, user: AuthenticatedUser): Promise<{ swapId: string; status: SwapStatus }> {
    const s: SwapRequest = { requesterId: cmd.requesterId, counterpartId: cmd.counterpartId, date: cmd.date, paybackDate: cmd.paybackDate };
    assertSelf(user, s.requesterId, 'requesterId');
    const policy = (await this.policy.current()).values;
    return this.scope.run(async () => {
      // Held to the commit: a retry racing the first request waits here, then finds the swap it made.
      await this.locks.lock([`agent:${s.requesterId}`, `agent:${s.counterpartId}`]);
      const known = await this.agents.find([s.requesterId, s.counterpartId]);
      for (const k of ['requesterId', 'counterpartId'] as const) if (!known.has(s[k])) throw unknownAgent(s[k], k);
      // An agent asks for themself (any counterpart); a supervisor files swaps between people of their own teams.
      if (!actsAsAgentOnly(user)) await this.teams.assertReaches(user, [s.requesterId, s.counterpartId]);
      // Before the rules: the swap already on file would otherwise refuse its own retry (limit, 不得连续换班).
      const same = standingSameSwap(s, await this.swaps.liveOf([s.requesterId]));
      if (same) return { swapId: same.swapId, status: same.status };
      const refusals = checkSwap(s, await this.context.load(s), policy);
      if (refusals.length) throw swapRefused(refusals);
      const swapId = `swap-${randomUUID()}`;
      await this.swaps.create({ ...s, swapId, status: 'requested', requestedBy: user.sub, decidedBy: null, paybackWorked: null });
      return { swapId, status: 'requested' as const };
    });
  }
}
