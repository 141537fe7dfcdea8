import { Injectable } from '@nestjs/common';
import type { Page, PageQuery } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { CatalogueItem } from '../domain/conduct/catalogue';
import { isRecord, problem } from '../domain/validation/problems';
import { refuse, rejected } from '../qa-evaluation.errors';
import { CATALOGUE_KEY, CatalogueStore } from '../store/catalogue.store';
import { pageRequest } from '../store/keyset';

const NUMBERS = ['amount', 'amountMin', 'amountMax', 'points', 'pointsMin', 'pointsMax'] as const;
const TEXTS = ['labelZh', 'labelEn', 'category'] as const;

/** The catalogue is policy: its amounts, points and labels change here, never in code. */
@Injectable()
export class ConductCatalogue {
  constructor(
    private readonly scope: TransactionScope,
    private readonly catalogue: CatalogueStore,
  ) {}

  /** The catalogue by code (a few dozen items: one page at the default limit). */
  list(q: PageQuery): Promise<Page<CatalogueItem>> {
    return this.catalogue.page(pageRequest(q, CATALOGUE_KEY));
  }

  change(code: string, body: unknown): Promise<CatalogueItem> {
    return this.scope.run(async () => {
      const item = await this.catalogue.get(code);
      if (!item) throw refuse('QA.UNKNOWN_CONDUCT_CODE', 'code', `${code} is not in the catalogue / 奖罚目录中没有 ${code}`);
      if (!isRecord(body)) throw refuse('QA.REQUEST_INVALID', 'body', 'an object / 需要对象');
      const next: CatalogueItem = { ...item };
      const problems = [];
      for (const [k, v] of Object.entries(body)) {
        if ((NUMBERS as readonly string[]).includes(k) && typeof v === 'number' && Number.isFinite(v)) (next as unknown as Record<string, unknown>)[k] = v;
        else if ((TEXTS as readonly string[]).includes(k) && typeof v === 'string' && v.trim()) (next as unknown as Record<string, unknown>)[k] = v;
        else if ((k === 'active' || k === 'firstOffenceWarning') && typeof v === 'boolean') next[k] = v;
        else problems.push(problem('QA.REQUEST_INVALID', k, 'not a changeable field of the right type / 不可修改或类型错误'));
      }
      if (next.amount < next.amountMin || next.amount > next.amountMax || next.points < next.pointsMin || next.points > next.pointsMax) {
        problems.push(problem('QA.REQUEST_INVALID', 'amount', 'the default must lie within its range / 默认值须在范围内'));
      }
      if (problems.length) throw rejected(problems);
      await this.catalogue.save(next);
      return next;
    });
  }
}
