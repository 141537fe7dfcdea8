import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { calibrationReport } from '../domain/calibration/calibration-report';
import { QaErrors, refuse } from '../qa-evaluation.errors';
import { CalibrationStore } from '../store/calibration.store';

/**
 * The spread per item and per evaluator and each evaluator's distance from the expert. Blind: an
 * evaluator sees it only after scoring; the session's creator and supervisors any time.
 */
@Injectable()
export class CalibrationReport {
  constructor(private readonly store: CalibrationStore) {}

  async execute(sessionId: string, user: AuthenticatedUser) {
    const session = await this.store.get(sessionId);
    if (!session) throw QaErrors.sessionNotFound();
    const scores = await this.store.scores(sessionId);
    const privileged = user.roles.some((r) => r === 'supervisor' || r === 'manager' || r === 'admin') || user.sub === session.createdBy;
    if (!privileged && !scores.some((s) => s.evaluatorId === user.sub)) {
      throw refuse('QA.CALIBRATION_BLIND', 'sessionId', 'score the call first: calibration is blind / 请先评分: 校准为盲评');
    }
    const missing = session.evaluatorIds.filter((id) => !scores.some((s) => s.evaluatorId === id));
    return { ...session, missing, ...calibrationReport(scores, session.expertId) };
  }
}
