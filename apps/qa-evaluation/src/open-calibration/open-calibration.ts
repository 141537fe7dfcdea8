import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { QaErrors } from '../qa-evaluation.errors';
import { CalibrationStore, type CalibrationSession } from '../store/calibration.store';
import { FormStore } from '../store/form.store';
import type { OpenCalibrationCommand } from './open-calibration.command';

/**
 * A calibration session 校准 (issue 7 §8): one call, one published form version, several evaluators
 * scoring blind and an optional expert whose scoring is the benchmark.
 */
@Injectable()
export class OpenCalibration {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: CalibrationStore,
    private readonly forms: FormStore,
  ) {}

  async execute(cmd: OpenCalibrationCommand, createdBy: string): Promise<CalibrationSession> {
    const { callId, formId, formVersion, evaluatorIds } = cmd;
    const form = await this.forms.get(formId, formVersion);
    if (!form || form.status !== 'published') throw QaErrors.unknownFormVersion('formVersion');
    const session: CalibrationSession = {
      sessionId: randomUUID(), callId, formId, formVersion, expertId: cmd.expertId ?? null,
      evaluatorIds: [...new Set(evaluatorIds)], createdBy, createdAt: new Date(),
    };
    await this.scope.run(() => this.store.create(session));
    return session;
  }
}
