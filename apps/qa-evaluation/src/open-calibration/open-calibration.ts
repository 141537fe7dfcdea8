import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { Fields } from '../domain/validation/fields';
import { QaErrors, rejected } from '../qa-evaluation.errors';
import { CalibrationStore, type CalibrationSession } from '../store/calibration.store';
import { FormStore } from '../store/form.store';

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

  async execute(body: unknown, createdBy: string): Promise<CalibrationSession> {
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
}
