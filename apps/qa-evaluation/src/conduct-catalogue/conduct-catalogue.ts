import { Injectable } from '@nestjs/common';
import type { Page, PageQuery } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { CatalogueItem } from '../domain/conduct/catalogue';
import { problem } from '../domain/validation/problems';
import { refuse, rejected } from '../qa-evaluation.errors';
import { CATALOGUE_KEY, CatalogueStore } from '../store/catalogue.store';
import { pageRequest } from '../store/keyset';
import type { ChangeCatalogueItemCommand } from './conduct-catalogue.command';

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

  change(code: string, change: ChangeCatalogueItemCommand): Promise<CatalogueItem> {
    return this.scope.run(async () => {
      const item = await this.catalogue.get(code);
      if (!item) throw refuse('QA.UNKNOWN_CONDUCT_CODE', 'code', `${code} is not in the catalogue / 奖罚目录中没有 ${code}`);
      // Only the fields sent change; the command's absent ones are undefined, never "clear it".
      const next: CatalogueItem = { ...item, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
      if (next.amount < next.amountMin || next.amount > next.amountMax || next.points < next.pointsMin || next.points > next.pointsMax) {
        throw rejected([problem('QA.REQUEST_INVALID', 'amount', 'the default must lie within its range / 默认值须在范围内')]);
      }
      await this.catalogue.save(next);
      return next;
    });
  }
}
