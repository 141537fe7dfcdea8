import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { mapPage, type Page, type PageQuery } from '@app/platform';
import { agentFilterInTeams, assertOwnIfAgent, isAgentOnly } from '../access/agent-scope';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors } from '../qa-evaluation.errors';
import { CallCopyStore } from '../store/call-copy.store';
import { DISPUTE_KEY, DisputeStore, type Dispute } from '../store/dispute.store';
import { EVALUATION_KEY, EvaluationStore, type Evaluation } from '../store/evaluation.store';
import { pageRequest } from '../store/keyset';
import type { AgentMonthQuery } from '../paging/agent-month.query';

const VISIBLE_TO_AGENT = ['released', 'acknowledged'] as const;

/** An evaluation in a list: its scores without the answers and item results (those are in the single read). */
export type EvaluationSummary = Omit<Evaluation, 'answers' | 'result'> & { score: number; maxScore: number; percent: number; criticalFail: boolean };
const summary = ({ answers: _a, result, ...e }: Evaluation): EvaluationSummary => ({ ...e, score: result.score, maxScore: result.maxScore, percent: result.percent, criticalFail: result.criticalFail });

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

  /** A page of evaluations in creation order, of the people the caller may see (cut in the database). */
  async list(user: AuthenticatedUser, q: AgentMonthQuery): Promise<Page<EvaluationSummary>> {
    const agentId = await agentFilterInTeams(this.teams, user, q.agentId);
    const window = await this.periods.of(q.period);
    const page = pageRequest(q, EVALUATION_KEY);
    const statuses = isAgentOnly(user) ? [...VISIBLE_TO_AGENT] : undefined;
    return mapPage(await this.evaluations.page({ agentId, ...window, statuses, reach: await this.teams.reachOf(user) }, page), summary);
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

  /** The disputes of an evaluation in order of filing, to whoever may see the evaluation. */
  async disputesOf(user: AuthenticatedUser, id: string, q: PageQuery): Promise<Page<Dispute>> {
    const page = pageRequest(q, DISPUTE_KEY);
    await this.visible(user, id);
    return this.disputes.pageForEvaluation(id, page);
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
