import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { DateTime } from 'luxon';
import { SUBJECTS, type AppraisalSubmittedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { Clock } from '../clock/clock';
import { appraisalWindow } from '../domain/appraisal/appraisal-calendar';
import { appraisableRoles, DEFAULT_PERSON_ROLE, mayAppraise } from '../domain/appraisal/who-appraises';
import { checkAnswers } from '../domain/forms/check-answers';
import { scoreForm } from '../domain/forms/score-form';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { AgentDirectory } from '../store/agent-directory';
import { AppraisalStore, type Appraisal } from '../store/appraisal.store';
import { FinalizedScorecards } from '../store/finalized-scorecards';
import { FormStore } from '../store/form.store';
import type { SelfAppraisalCommand } from './self-appraisal.command';
import type { SubmitAppraisalCommand } from './submit-appraisal.command';

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
  async execute(cmd: SubmitAppraisalCommand | SelfAppraisalCommand, kind: Appraisal['kind'], appraiser: AuthenticatedUser) {
    const appraiserId = appraiser.sub;
    const { period, scores: rawScores, comment } = cmd;
    if (kind === 'self' && cmd.agentId != null && cmd.agentId !== appraiser.agentId) throw refuse('QA.NOT_YOURS', 'agentId', 'an agent scores only themself / 只能自评');
    const agentId = kind === 'self' ? appraiser.agentId : cmd.agentId;
    if (!agentId) throw rejected([{ code: 'QA.NOT_YOURS', path: 'agentId', message: 'the token names no agent / 令牌未指明坐席' }]);
    if (kind === 'supervisor') {
      const role = (await this.directory.get(agentId))?.role ?? DEFAULT_PERSON_ROLE;
      if (!mayAppraise(appraiser.roles, role)) throw QaErrors.appraisalRoleForbidden(agentId, role, appraisableRoles(appraiser.roles));
      await this.teams.assertReaches(appraiser, agentId);
    }
    const policy = await this.policy.current();
    const now = DateTime.fromJSDate(this.clock.now());
    const window = appraisalWindow(period, policy);
    if (now < window.opens) throw refuse('QA.APPRAISAL_PERIOD_NOT_ENDED', 'period', `${period} has not ended yet / ${period} 尚未结束`);
    // The calendar deadline drives reminders and marks a late filing; only scoring's close of the
    // agent's month refuses one (holidays move deadlines, a close is final).
    if (await this.finalized.isFinalized(agentId, period)) throw refuse('QA.APPRAISAL_PERIOD_CLOSED', 'period', `${period} is closed for ${agentId} / ${period} 已结算, 不可再提交考核`);
    const late = now >= window.closes;
    const form = await this.forms.latestPublished(policy.forms.appraisalFormId);
    if (!form) throw refuse('QA.UNKNOWN_FORM_VERSION', 'formId', 'no published appraisal form / 没有已发布的考核表');
    const keys = Object.keys(rawScores);
    const { answers, problems } = checkAnswers(form, keys.map((itemId) => ({ itemId, value: rawScores[itemId] })), 'scores');
    if (problems.length) {
      throw rejected(problems.map((p) => ({ ...p, path: p.path.replace(/^scores\[(\d+)\]\.(value|itemId)$/, (_, i: string) => `scores.${keys[Number(i)]}`) })));
    }
    const result = scoreForm(form, answers);
    const scores = Object.fromEntries(answers.map((a) => [a.itemId, a.value as number]));
    const submittedAt = this.clock.now();
    return this.scope.run(async () => {
      const version = await this.store.upsert({ agentId, period: period, kind, formId: form.formId, formVersion: form.version, scores, result, comment: comment ?? null, appraiserId, submittedAt });
      const sections = Object.fromEntries(result.sections.map((s) => [s.sectionId, s.score]));
      if (kind === 'supervisor') {
        const event: AppraisalSubmittedEvent = {
          eventId: `appraisal-${agentId}-${period}-v${version}`, schemaVersion: 1, agentId, period: period, scores, sections, total: result.score,
          anyItemZero: result.anyItemZero, supervisorId: appraiserId, formId: form.formId, formVersion: form.version, version, submittedAt: submittedAt.toISOString(),
        };
        await this.outbox.add({ subject: SUBJECTS.qa.appraisalSubmitted, payload: event, messageId: event.eventId });
      }
      return { agentId, period, kind, total: result.score, maxScore: result.maxScore, sections, anyItemZero: result.anyItemZero, version, counted: kind === 'supervisor', late };
    });
  }
}
