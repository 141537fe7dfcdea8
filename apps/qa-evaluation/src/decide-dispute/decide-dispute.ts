import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { Clock } from '../clock/clock';
import { checkValue } from '../domain/forms/check-answers';
import { allItems, type AnswerValue } from '../domain/forms/form';
import { scoreForm } from '../domain/forms/score-form';
import { EvaluationEvents } from '../events/evaluation-events';
import { QaErrors, refuse } from '../qa-evaluation.errors';
import { DisputeStore, type Dispute } from '../store/dispute.store';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';
import { FormStore } from '../store/form.store';
import type { DecideDisputeCommand } from './decide-dispute.command';

/**
 * A reviewer accepts (the item gets full marks, or the value given), partly accepts (the value
 * given) or rejects a dispute with a reason. A change re-scores the evaluation on its own form
 * version, keeps the old version in the history and publishes `qa.evaluation.revised`.
 */
@Injectable()
export class DecideDispute {
  constructor(
    private readonly scope: TransactionScope,
    private readonly disputes: DisputeStore,
    private readonly evaluations: EvaluationStore,
    private readonly forms: FormStore,
    private readonly events: EvaluationEvents,
    private readonly clock: Clock,
    private readonly teams: TeamScope,
  ) {}

  /** `reviewer`: QA or a supervisor, deciding the disputes of their own teams' people. */
  async execute(disputeId: string, { outcome, value: given, reason }: DecideDisputeCommand, reviewer: AuthenticatedUser) {
    const reviewerId = reviewer.sub;
    return this.scope.run(async () => {
      const d = await this.disputes.get(disputeId, true);
      if (!d) throw QaErrors.disputeNotFound();
      await this.teams.assertReaches(reviewer, d.agentId);
      if (d.status !== 'open') throw refuse('QA.DISPUTE_ALREADY_DECIDED', 'disputeId', 'the dispute is already decided / 异议已处理');
      const e = (await this.evaluations.get(d.evaluationId, true))!;
      if (e.status === 'voided') throw QaErrors.wrongStatus(e.status, 'released');
      const form = (await this.forms.get(e.formId, e.formVersion))!;
      const item = allItems(form).find((x) => x.item.itemId === d.itemId)!.item;
      let newValue: AnswerValue | null = null;
      if (outcome !== 'rejected') {
        if (outcome === 'partly-accepted' && given == null) throw refuse('QA.REQUEST_INVALID', 'value', 'a partly accepted dispute gives the new value / 部分接受须给出新分值');
        newValue = given ?? (item.type === 'yesno' ? true : item.maxPoints);
        const bad = checkValue(item, newValue);
        if (bad) throw refuse(bad.code, 'value', bad.message);
      }
      const decided: Dispute = { ...d, status: 'decided', outcome, newValue, decisionReason: reason, reviewerId, decidedAt: this.clock.now() };
      await this.disputes.decide(decided);
      let current: Evaluation = e;
      if (newValue !== null) {
        const answers = e.answers.map((a) => (a.itemId === d.itemId ? { ...a, value: newValue } : a));
        current = { ...e, answers, result: scoreForm(form, answers), version: e.version + 1 };
        await this.evaluations.update(current);
        await this.evaluations.addHistory(current, `dispute ${disputeId} ${outcome}: ${reason}`, reviewerId);
        await this.events.publish(current);
      }
      return { disputeId, outcome, evaluationId: e.evaluationId, version: current.version, score: current.result.score, maxScore: current.result.maxScore, percent: current.result.percent };
    });
  }
}
