import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent, assertOwnIfAgent, isAgentOnly } from '../access/agent-scope';
import { Clock } from '../clock/clock';
import { periodOf } from '../domain/appraisal/appraisal-calendar';
import { checkDispute, type DisputeOutcome } from '../domain/disputes/dispute-rules';
import { checkValue } from '../domain/forms/check-answers';
import { allItems, type AnswerValue } from '../domain/forms/form';
import { scoreForm } from '../domain/forms/score-form';
import { Fields } from '../domain/validation/fields';
import { EvaluationEvents } from '../events/evaluation-events';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { DisputeStore, type Dispute } from '../store/dispute.store';
import { EvaluationStore, type Evaluation } from '../store/evaluation.store';
import { FormStore } from '../store/form.store';

const OUTCOMES: DisputeOutcome[] = ['accepted', 'partly-accepted', 'rejected'];

/**
 * The agent disputes one item of a released evaluation within the window and the monthly
 * maximum; a reviewer decides. An accepted or partly accepted dispute changes the item's answer,
 * re-scores the evaluation on its own form version and publishes `qa.evaluation.revised`.
 */
@Injectable()
export class Disputes {
  constructor(
    private readonly scope: TransactionScope,
    private readonly disputes: DisputeStore,
    private readonly evaluations: EvaluationStore,
    private readonly forms: FormStore,
    private readonly events: EvaluationEvents,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
  ) {}

  async file(evaluationId: string, body: unknown, user: AuthenticatedUser) {
    const f = new Fields(body);
    f.only(['itemId', 'reason', 'proposedValue']);
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    const policy = await this.policy.current();
    const now = this.clock.now();
    return this.scope.run(async () => {
      const e = await this.evaluations.get(evaluationId, true);
      if (!e || e.status === 'submitted') throw QaErrors.evaluationNotFound();
      assertIsAgent(user, e.agentId);
      if (e.status === 'voided') throw QaErrors.wrongStatus(e.status, 'released');
      const period = periodOf(now, policy.timeZone);
      const open = (await this.disputes.forEvaluation(evaluationId)).filter((d) => d.status === 'open').map((d) => d.itemId);
      const problems = checkDispute(f.raw('itemId'), {
        releasedAt: e.releasedAt, now, filedThisMonth: await this.disputes.countFiled(e.agentId, period), itemIds: new Set(e.answers.map((a) => a.itemId)), openItemIds: new Set(open),
      }, policy);
      if (problems.length) throw rejected(problems);
      const d: Dispute = {
        disputeId: randomUUID(), evaluationId, agentId: e.agentId, itemId: f.raw('itemId') as string, reason: reason!, status: 'open', filedAt: now, filedPeriod: period,
        outcome: null, newValue: null, decisionReason: null, reviewerId: null, decidedAt: null,
      };
      await this.disputes.insert(d);
      return { disputeId: d.disputeId, evaluationId, itemId: d.itemId, status: d.status, filedAt: now.toISOString() };
    });
  }

  async decide(disputeId: string, body: unknown, reviewerId: string) {
    const f = new Fields(body);
    f.only(['outcome', 'value', 'reason']);
    const outcome = f.string('outcome') as DisputeOutcome | undefined;
    if (outcome !== undefined && !OUTCOMES.includes(outcome)) f.problems.push({ code: 'QA.REQUEST_INVALID', path: 'outcome', message: `one of ${OUTCOMES.join(', ')} / 结果无效` });
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    return this.scope.run(async () => {
      const d = await this.disputes.get(disputeId, true);
      if (!d) throw QaErrors.disputeNotFound();
      if (d.status !== 'open') throw refuse('QA.DISPUTE_ALREADY_DECIDED', 'disputeId', 'the dispute is already decided / 异议已处理');
      const e = (await this.evaluations.get(d.evaluationId, true))!;
      if (e.status === 'voided') throw QaErrors.wrongStatus(e.status, 'released');
      const form = (await this.forms.get(e.formId, e.formVersion))!;
      const item = allItems(form).find((x) => x.item.itemId === d.itemId)!.item;
      let newValue: AnswerValue | null = null;
      if (outcome !== 'rejected') {
        const given = f.raw('value');
        if (outcome === 'partly-accepted' && given === undefined) throw refuse('QA.REQUEST_INVALID', 'value', 'a partly accepted dispute gives the new value / 部分接受须给出新分值');
        newValue = (given ?? (item.type === 'yesno' ? true : item.maxPoints)) as AnswerValue;
        const bad = checkValue(item, newValue);
        if (bad) throw refuse(bad.code, 'value', bad.message);
      }
      const decided: Dispute = { ...d, status: 'decided', outcome: outcome!, newValue, decisionReason: reason!, reviewerId, decidedAt: this.clock.now() };
      await this.disputes.decide(decided);
      let revised: Evaluation | null = null;
      if (newValue !== null) {
        const answers = e.answers.map((a) => (a.itemId === d.itemId ? { ...a, value: newValue } : a));
        revised = { ...e, answers, result: scoreForm(form, answers), version: e.version + 1 };
        await this.evaluations.update(revised);
        await this.evaluations.addHistory(revised, `dispute ${disputeId} ${outcome}: ${reason}`, reviewerId);
        await this.events.publish(revised);
      }
      const now = revised ?? e;
      return { disputeId, outcome, evaluationId: e.evaluationId, version: now.version, score: now.result.score, maxScore: now.result.maxScore, percent: now.result.percent };
    });
  }

  async list(user: AuthenticatedUser, evaluationId: string) {
    const e = await this.evaluations.get(evaluationId);
    if (!e || (isAgentOnly(user) && e.status === 'submitted')) throw QaErrors.evaluationNotFound();
    assertOwnIfAgent(user, e.agentId);
    return this.disputes.forEvaluation(evaluationId);
  }
}
