import { Injectable } from '@nestjs/common';
import { isPeriod } from '../domain/appraisal/appraisal-calendar';
import { refuse } from '../qa-evaluation.errors';
import { SamplingStore } from '../store/sampling.store';

@Injectable()
export class WorkLists {
  constructor(private readonly store: SamplingStore) {}

  async forEvaluator(evaluatorId: string, period: string | undefined) {
    if (!isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const items = await this.store.workList(evaluatorId, period);
    return { evaluatorId, period, total: items.length, done: items.filter((i) => i.evaluationId).length, items };
  }
}
