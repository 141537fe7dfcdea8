import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { agentFilterFor, assertOwnIfAgent, isAgentOnly } from '../access/agent-scope';
import { isPeriod, periodBounds } from '../domain/appraisal/appraisal-calendar';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse } from '../qa-evaluation.errors';
import { CallCopyStore } from '../store/call-copy.store';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';

const VISIBLE_TO_AGENT = ['released', 'acknowledged'] as const;

/** Evaluations as each role may see them: an agent only their own, and only once released. */
@Injectable()
export class ReadEvaluations {
  constructor(
    private readonly evaluations: EvaluationStore,
    private readonly calls: CallCopyStore,
    private readonly policy: QaPolicyStore,
  ) {}

  async list(user: AuthenticatedUser, q: { agentId?: string; period?: string }): Promise<Array<Omit<Evaluation, 'answers' | 'result'> & { score: number; maxScore: number; percent: number; criticalFail: boolean }>> {
    const agentId = agentFilterFor(user, q.agentId);
    let window: { from?: Date; to?: Date } = {};
    if (q.period !== undefined) {
      if (!isPeriod(q.period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
      const b = periodBounds(q.period, (await this.policy.current()).timeZone);
      window = { from: b.start.toJSDate(), to: b.end.toJSDate() };
    }
    const rows = await this.evaluations.list({ agentId, ...window, statuses: isAgentOnly(user) ? [...VISIBLE_TO_AGENT] : undefined });
    return rows.map(({ answers: _a, result, ...e }) => ({ ...e, score: result.score, maxScore: result.maxScore, percent: result.percent, criticalFail: result.criticalFail }));
  }

  /** One evaluation with its answers, item scores, version history and the call's telephony facts beside it. */
  async get(user: AuthenticatedUser, id: string) {
    const e = await this.evaluations.get(id);
    if (!e || (isAgentOnly(user) && !(VISIBLE_TO_AGENT as readonly string[]).includes(e.status))) throw QaErrors.evaluationNotFound();
    assertOwnIfAgent(user, e.agentId);
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
}
