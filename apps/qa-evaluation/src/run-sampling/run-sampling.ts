import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { periodBounds, periodWeeks } from '../domain/appraisal/appraisal-calendar';
import { planSample } from '../domain/sampling/plan-sample';
import { samplingWeights } from '../domain/sampling/sampling-weights';
import { QaPolicyStore } from '../store/qa-policy.store';
import { refuse } from '../qa-evaluation.errors';
import { AgentDirectory } from '../store/agent-directory';
import { SamplingStore } from '../store/sampling.store';
import type { RunSamplingCommand } from './run-sampling.command';

export interface SamplingRun {
  period: string;
  agents: number;
  evaluators: number;
  assigned: number;
  /** Agents that got fewer than N calls (not enough unevaluated calls that month). */
  short: number;
  ms: number;
}

/**
 * A month's sampling: every active agent gets up to N calls (policy), spread over the weeks and the
 * evaluators, never a call already evaluated or assigned, within each evaluator's daily cap. Running
 * it again tops agents up to N (e.g. after new calls arrived); it never reassigns.
 */
@Injectable()
export class RunSampling {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: SamplingStore,
    private readonly agents: AgentDirectory,
    private readonly policy: QaPolicyStore,
  ) {}

  async execute(cmd: RunSamplingCommand): Promise<SamplingRun> {
    const started = Date.now();
    const { period, perAgent: perAgentOverride, targeting } = cmd;
    const policy = await this.policy.current();
    const { start, end } = periodBounds(period, policy.timeZone);
    const evaluators = cmd.evaluatorIds ?? (await this.agents.active('qa')).map((a) => a.agentId);
    if (evaluators.length === 0) throw refuse('QA.NO_EVALUATORS', 'evaluatorIds', 'no evaluators: name them or let attendance send qa staff / 没有质检员');
    const perAgent = perAgentOverride ?? policy.sampling.callsPerAgentPerMonth;
    return this.scope.run(async () => {
      await this.store.lockPeriod(period);
      const directory = (await this.agents.active('agent')).map((a) => a.agentId);
      // Before attendance has sent any agent, the agents who took calls that month stand in.
      const agentIds = directory.length ? directory : await this.store.agentsWithCalls(start.toJSDate(), end.toJSDate());
      const counts = await this.store.assignedCounts(period);
      const needed = new Map(agentIds.map((a) => [a, Math.max(0, perAgent - (counts.get(a) ?? 0))]));
      const candidates = await this.store.candidates({
        weeks: periodWeeks(period, policy.timeZone), timeZone: policy.timeZone, agentIds: agentIds.filter((a) => needed.get(a)! > 0), perWeek: perAgent,
        poorRatings: policy.sampling.poorRatings, longHoldMs: policy.sampling.longHoldMs, longRingMs: policy.sampling.longRingMs,
        weights: samplingWeights(policy, targeting ?? policy.sampling.targeting),
      });
      const plan = planSample({ candidates, needed, evaluators: [...evaluators].sort(), dailyCap: policy.sampling.evaluatorDailyCap, load: await this.store.load(period) });
      const assigned = await this.store.save(period, plan);
      const got = new Map<string, number>();
      for (const a of plan) got.set(a.agentId, (got.get(a.agentId) ?? 0) + 1);
      const short = agentIds.filter((a) => (got.get(a) ?? 0) < needed.get(a)!).length;
      return { period, agents: agentIds.length, evaluators: evaluators.length, assigned, short, ms: Date.now() - started };
    });
  }
}
