import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { Answer } from '../domain/forms/form';
import type { FormScore } from '../domain/forms/score-form';
import { PgStore } from './pg-store';

export interface CalibrationSession {
  sessionId: string;
  callId: string;
  formId: string;
  formVersion: number;
  expertId: string | null;
  evaluatorIds: string[];
  createdBy: string;
  createdAt: Date;
}

export interface CalibrationEntry {
  evaluatorId: string;
  answers: Answer[];
  result: FormScore;
  submittedAt: Date;
}

export abstract class CalibrationStore {
  abstract create(s: CalibrationSession): Promise<void>;
  abstract get(sessionId: string): Promise<CalibrationSession | null>;
  /** Inserts or replaces the evaluator's scoring (an evaluator may correct theirs until the report). */
  abstract score(sessionId: string, e: CalibrationEntry): Promise<void>;
  abstract scores(sessionId: string): Promise<CalibrationEntry[]>;
}

@Injectable()
export class PgCalibrationStore extends PgStore implements CalibrationStore {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async create(s: CalibrationSession): Promise<void> {
    await this.q(`INSERT INTO qa.calibration_session (session_id, call_id, form_id, form_version, expert_id, evaluator_ids, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [s.sessionId, s.callId, s.formId, s.formVersion, s.expertId, JSON.stringify(s.evaluatorIds), s.createdBy, s.createdAt]);
  }

  async get(sessionId: string): Promise<CalibrationSession | null> {
    const [r] = await this.q<{ session_id: string; call_id: string; form_id: string; form_version: number; expert_id: string | null; evaluator_ids: string[]; created_by: string; created_at: Date }>(
      `SELECT * FROM qa.calibration_session WHERE session_id = $1`, [sessionId],
    );
    return r ? { sessionId: r.session_id, callId: r.call_id, formId: r.form_id, formVersion: r.form_version, expertId: r.expert_id, evaluatorIds: r.evaluator_ids, createdBy: r.created_by, createdAt: r.created_at } : null;
  }

  async score(sessionId: string, e: CalibrationEntry): Promise<void> {
    await this.q(
      `INSERT INTO qa.calibration_score (session_id, evaluator_id, answers, result, submitted_at) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (session_id, evaluator_id) DO UPDATE SET answers = EXCLUDED.answers, result = EXCLUDED.result, submitted_at = EXCLUDED.submitted_at`,
      [sessionId, e.evaluatorId, JSON.stringify(e.answers), JSON.stringify(e.result), e.submittedAt],
    );
  }

  async scores(sessionId: string): Promise<CalibrationEntry[]> {
    const rows = await this.q<{ evaluator_id: string; answers: Answer[]; result: FormScore; submitted_at: Date }>(
      `SELECT evaluator_id, answers, result, submitted_at FROM qa.calibration_score WHERE session_id = $1 ORDER BY evaluator_id`, [sessionId],
    );
    return rows.map((r) => ({ evaluatorId: r.evaluator_id, answers: r.answers, result: r.result, submittedAt: r.submitted_at }));
  }
}
