import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { agentFilterInTeams, assertOwnIfAgent, isAgentOnly } from '../access/agent-scope';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { CallCopyStore } from '../store/call-copy.store';
import { DisputeStore } from '../store/dispute.store';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';

const VISIBLE_TO_AGENT = ['released', 'acknowledged'] as const;

/**
 * Evaluations as each role may see them: an agent only their own, and only once released; a supervisor or QA
 * inspector those of their own teams' people.
 */
@Injectable()
export class ReadEvaluations {
  constructor(
    private readonly evaluations: EvaluationStore,
    private readonly calls: CallCopyStore,
    private readonly periods: PeriodWindow,
    private readonly disputes: DisputeStore,
    private readonly teams: TeamScope,
  ) {}

  async list(user: AuthenticatedUser, q: { agentId?: string; period?: string }): Promise<Array<Omit<Evaluation, 'answers' | 'result'> & { score: number; maxScore: number; percent: number; criticalFail: boolean }>> {
    const agentId = await agentFilterInTeams(this.teams, user, q.agentId);
    const window = await this.periods.of(q.period);
    const rows = await this.teams.filter(user, await this.evaluations.list({ agentId, ...window, statuses: isAgentOnly(user) ? [...VISIBLE_TO_AGENT] : undefined }), (e) => e.agentId);
    return rows.map(({ answers: _a, result, ...e }) => ({ ...e, score: result.score, maxScore: result.maxScore, percent: result.percent, criticalFail: result.criticalFail }));
  }

  /** One evaluation with its answers, item scores, version history and the call's telephony facts beside it. */
  async get(user: AuthenticatedUser, id: string) {
    const e = await this.visible(user, id);
    const facts = await this.calls.get(e.callId);
    const leg = facts?.legs.find((l) => l.agentId === e.agentId) ?? null;
    return {
      ...e,
      history: await this.evaluations.history(id),
      call: facts
        ? { callId: facts.callId, version: facts.version, queue: facts.queue, rating: facts.rating, ringMs: leg?.ringMs ?? null, talkMs: leg?.talkMs ?? null, holdMs: leg?.holdMs ?? null, longestHoldMs: leg?.longestHoldMs ?? null, missed: leg?.missed ?? null }
        : null,
    };
  }

  /** The disputes of an evaluation, to whoever may see the evaluation. */
  async disputesOf(user: AuthenticatedUser, id: string) {
    await this.visible(user, id);
    return this.disputes.forEvaluation(id);
  }

  /** An agent sees only their own evaluations, and only once released. */
  private async visible(user: AuthenticatedUser, id: string): Promise<Evaluation> {
    const e = await this.evaluations.get(id);
    if (!e || (isAgentOnly(user) && !(VISIBLE_TO_AGENT as readonly string[]).includes(e.status))) throw QaErrors.evaluationNotFound();
    assertOwnIfAgent(user, e.agentId);
    await this.teams.assertReaches(user, e.agentId);
    return e;
  }
}
