import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { DateTime } from 'luxon';
import { SUBJECTS, type AppraisalSubmittedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { Clock } from '../clock/clock';
import { appraisalWindow, isPeriod } from '../domain/appraisal/appraisal-calendar';
import { appraisableRoles, DEFAULT_PERSON_ROLE, mayAppraise } from '../domain/appraisal/who-appraises';
import { checkAnswers } from '../domain/forms/check-answers';
import { scoreForm } from '../domain/forms/score-form';
import { Fields } from '../domain/validation/fields';
import { isRecord } from '../domain/validation/problems';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { AgentDirectory } from '../store/agent-directory';
import { AppraisalStore, type Appraisal } from '../store/appraisal.store';
import { FinalizedScorecards } from '../store/finalized-scorecards';
import { FormStore } from '../store/form.store';

/**
 * The monthly appraisal (rules.md §6) on the latest published appraisal form: the counted one is
 * published as `qa.appraisal.submitted` (a resubmission before close replaces it with version + 1);
 * the agent's self-score is kept beside it and never published or counted. A supervisor files it for
 * agents and shift leads, the department head (`manager`) for supervisors and QA inspectors, by the
 * person's role in qa's copy of attendance's directory.
 */
@Injectable()
export class SubmitAppraisal {
  constructor(
    private readonly scope: TransactionScope,
    private readonly forms: FormStore,
    private readonly store: AppraisalStore,
    private readonly outbox: OutboxWriter,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
    private readonly finalized: FinalizedScorecards,
    private readonly directory: AgentDirectory,
    private readonly teams: TeamScope,
  ) {}

  /** `appraiser`: the agent themself (`self`), or a supervisor for their own teams' people, or the manager. */
  async execute(body: unknown, kind: Appraisal['kind'], appraiser: AuthenticatedUser) {
    const appraiserId = appraiser.sub;
    const selfAgentId = appraiser.agentId;
    const f = new Fields(body);
    f.only(kind === 'self' ? ['period', 'scores', 'comment', 'agentId'] : ['agentId', 'period', 'scores', 'comment']);
    const agentId = kind === 'self' ? selfAgentId : f.string('agentId', { max: 100 });
    if (kind === 'self' && f.raw('agentId') !== undefined && f.raw('agentId') !== selfAgentId) throw refuse('QA.NOT_YOURS', 'agentId', 'an agent scores only themself / 只能自评');
    const period = f.string('period');
    const comment = f.string('comment', { optional: true, max: 4000 });
    if (period !== undefined && !isPeriod(period)) f.problems.push({ code: 'QA.REQUEST_INVALID', path: 'period', message: 'a month yyyy-mm / 须为 yyyy-mm' });
    const rawScores = f.raw('scores');
    if (!isRecord(rawScores)) f.problems.push({ code: 'QA.REQUEST_INVALID', path: 'scores', message: 'an object of item id → points / 须为 项目→分数 的对象' });
    if (f.problems.length || !agentId) throw rejected(f.problems.length ? f.problems : [{ code: 'QA.NOT_YOURS', path: 'agentId', message: 'the token names no agent / 令牌未指明坐席' }]);
    if (kind === 'supervisor') {
      const role = (await this.directory.get(agentId))?.role ?? DEFAULT_PERSON_ROLE;
      if (!mayAppraise(appraiser.roles, role)) throw QaErrors.appraisalRoleForbidden(agentId, role, appraisableRoles(appraiser.roles));
      await this.teams.assertReaches(appraiser, agentId);
    }
    const policy = await this.policy.current();
    const now = DateTime.fromJSDate(this.clock.now());
    const window = appraisalWindow(period!, policy);
    if (now < window.opens) throw refuse('QA.APPRAISAL_PERIOD_NOT_ENDED', 'period', `${period} has not ended yet / ${period} 尚未结束`);
    // The calendar deadline drives reminders and marks a late filing; only scoring's close of the
    // agent's month refuses one (holidays move deadlines, a close is final).
    if (await this.finalized.isFinalized(agentId, period!)) throw refuse('QA.APPRAISAL_PERIOD_CLOSED', 'period', `${period} is closed for ${agentId} / ${period} 已结算, 不可再提交考核`);
    const late = now >= window.closes;
    const form = await this.forms.latestPublished(policy.forms.appraisalFormId);
    if (!form) throw refuse('QA.UNKNOWN_FORM_VERSION', 'formId', 'no published appraisal form / 没有已发布的考核表');
    const keys = Object.keys(rawScores as object);
    const { answers, problems } = checkAnswers(form, keys.map((itemId) => ({ itemId, value: (rawScores as Record<string, unknown>)[itemId] })), 'scores');
    if (problems.length) {
      throw rejected(problems.map((p) => ({ ...p, path: p.path.replace(/^scores\[(\d+)\]\.(value|itemId)$/, (_, i: string) => `scores.${keys[Number(i)]}`) })));
    }
    const result = scoreForm(form, answers);
    const scores = Object.fromEntries(answers.map((a) => [a.itemId, a.value as number]));
    const submittedAt = this.clock.now();
    return this.scope.run(async () => {
      const version = await this.store.upsert({ agentId, period: period!, kind, formId: form.formId, formVersion: form.version, scores, result, comment: comment ?? null, appraiserId, submittedAt });
      const sections = Object.fromEntries(result.sections.map((s) => [s.sectionId, s.score]));
      if (kind === 'supervisor') {
        const event: AppraisalSubmittedEvent = {
          eventId: `appraisal-${agentId}-${period}-v${version}`, schemaVersion: 1, agentId, period: period!, scores, sections, total: result.score,
          anyItemZero: result.anyItemZero, supervisorId: appraiserId, formId: form.formId, formVersion: form.version, version, submittedAt: submittedAt.toISOString(),
        };
        await this.outbox.add({ subject: SUBJECTS.qa.appraisalSubmitted, payload: event, messageId: event.eventId });
      }
      return { agentId, period, kind, total: result.score, maxScore: result.maxScore, sections, anyItemZero: result.anyItemZero, version, counted: kind === 'supervisor', late };
    });
  }
}
