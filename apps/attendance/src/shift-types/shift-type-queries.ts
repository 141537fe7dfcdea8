import { Injectable } from '@nestjs/common';
import { cursorKey, limitOf, pageOf, PageQuery, type Page } from '@app/platform';
import type { ShiftType } from '../domain/days/shift-type';
import { ShiftTypeStore } from '../store/shift-type.store';

@Injectable()
export class ShiftTypeQueries {
  constructor(private readonly types: ShiftTypeStore) {}

  /** The catalogue by code: a handful of types, one page unless `limit` says otherwise. */
  async list(q: PageQuery): Promise<Page<ShiftType>> {
    const limit = limitOf(q);
    const [after] = (cursorKey(q, ['string']) ?? []) as string[];
    return pageOf(await this.types.page(after, limit + 1), limit, (t) => [t.code]);
  }
}
