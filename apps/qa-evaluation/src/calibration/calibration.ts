import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { calibrationReport } from '../domain/calibration/calibration-report';
import { checkAnswers } from '../domain/forms/check-answers';
import { scoreForm } from '../domain/forms/score-form';
import { Fields } from '../domain/validation/fields';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { CalibrationStore, type CalibrationSession } from '../store/calibration.store';
import { FormStore } from '../store/form.store';

/**
 * Calibration 校准 (issue 7 §8): several evaluators score the same call blind on one form version;
 * the report shows the spread per item and each evaluator's distance from the expert. Blind: an
 * evaluator sees the report only after scoring; the session's creator and supervisors any time.
 * Calibration scores are practice: they are never evaluations and publish nothing.
 */
@Injectable()
export class Calibration {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: CalibrationStore,
    private readonly forms: FormStore,
  ) {}

  async create(body: unknown, createdBy: string) {
    const f = new Fields(body);
    f.only(['callId', 'formId', 'formVersion', 'evaluatorIds', 'expertId']);
    const callId = f.string('callId', { max: 200 });
    const formId = f.string('formId', { max: 100 });
    const formVersion = f.integer('formVersion', { min: 1 });
    const expertId = f.string('expertId', { optional: true, max: 100 });
    const ids = f.raw('evaluatorIds');
    if (!Array.isArray(ids) || ids.length < 2 || !ids.every((i) => typeof i === 'string' && i)) {
      f.problems.push({ code: 'QA.REQUEST_INVALID', path: 'evaluatorIds', message: 'at least two evaluator ids / 至少两名质检员' });
    }
    if (f.problems.length) throw rejected(f.problems);
    const form = await this.forms.get(formId!, formVersion!);
    if (!form || form.status !== 'published') throw QaErrors.unknownFormVersion('formVersion');
    const session: CalibrationSession = {
      sessionId: randomUUID(), callId: callId!, formId: formId!, formVersion: formVersion!, expertId: expertId ?? null,
      evaluatorIds: [...new Set(ids as string[])], createdBy, createdAt: new Date(),
    };
    await this.scope.run(() => this.store.create(session));
    return session;
  }

  async score(sessionId: string, body: unknown, evaluatorId: string) {
    const session = await this.session(sessionId);
    if (!session.evaluatorIds.includes(evaluatorId) && session.expertId !== evaluatorId) {
      throw refuse('QA.NOT_IN_CALIBRATION', 'evaluatorId', 'you are not an evaluator of this session / 你不是本次校准的质检员');
    }
    const form = (await this.forms.get(session.formId, session.formVersion))!;
    const f = new Fields(body);
    f.only(['answers']);
    const { answers, problems } = checkAnswers(form, f.raw('answers'));
    if (f.problems.length || problems.length) throw rejected([...f.problems, ...problems]);
    const result = scoreForm(form, answers);
    await this.scope.run(() => this.store.score(sessionId, { evaluatorId, answers, result, submittedAt: new Date() }));
    return { sessionId, evaluatorId, score: result.score, maxScore: result.maxScore, percent: result.percent };
  }

  async report(sessionId: string, user: AuthenticatedUser) {
    const session = await this.session(sessionId);
    const scores = await this.store.scores(sessionId);
    const privileged = user.roles.some((r) => r === 'supervisor' || r === 'admin') || user.sub === session.createdBy;
    if (!privileged && !scores.some((s) => s.evaluatorId === user.sub)) {
      throw refuse('QA.CALIBRATION_BLIND', 'sessionId', 'score the call first: calibration is blind / 请先评分: 校准为盲评');
    }
    const missing = session.evaluatorIds.filter((id) => !scores.some((s) => s.evaluatorId === id));
    return { ...session, missing, ...calibrationReport(scores, session.expertId) };
  }

  private async session(id: string): Promise<CalibrationSession> {
    const s = await this.store.get(id);
    if (!s) throw QaErrors.sessionNotFound();
    return s;
  }
}
