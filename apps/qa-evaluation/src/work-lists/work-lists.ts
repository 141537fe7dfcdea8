import { Injectable } from '@nestjs/common';
import type { Page } from '@app/platform';
import { isPeriod } from '../domain/appraisal/appraisal-calendar';
import { refuse } from '../qa-evaluation.errors';
import { pageRequest } from '../store/keyset';
import { SamplingStore, WORK_ITEM_KEY, type WorkItem } from '../store/sampling.store';

export type WorkListPage = Page<WorkItem> & { evaluatorId: string; period: string; total: number; done: number };

@Injectable()
export class WorkLists {
  constructor(private readonly store: SamplingStore) {}

  /** A page of the evaluator's month by due date; `total` and `done` count the whole month (in the database). */
  async forEvaluator(evaluatorId: string, q: { period?: string; limit?: number; cursor?: string }): Promise<WorkListPage> {
    const { period } = q;
    if (!isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const page = await this.store.workList(evaluatorId, period, pageRequest(q, WORK_ITEM_KEY));
    return { evaluatorId, period, ...(await this.store.workListCounts(evaluatorId, period)), ...page };
  }
}
