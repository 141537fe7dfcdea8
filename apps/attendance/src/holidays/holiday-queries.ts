import { Injectable } from '@nestjs/common';
import { cursorKey, limitOf, pageOf, type Page } from '@app/platform';
import { invalid } from '../attendance.errors';
import { HolidayStore, type Holiday } from '../store/holiday.store';
import type { HolidayListQuery } from './holiday-list.query';

@Injectable()
export class HolidayQueries {
  constructor(private readonly holidays: HolidayStore) {}

  /** A page of a year's holidays by date. */
  async year(q: HolidayListQuery): Promise<Page<Holiday>> {
    const year = q.year;
    if (typeof year !== 'string' || !/^\d{4}$/.test(year)) throw invalid([{ path: 'year', message: 'a year yyyy' }]);
    const limit = limitOf(q);
    const [after] = (cursorKey(q, ['date']) ?? []) as string[];
    return pageOf(await this.holidays.page(`${year}-01-01`, `${year}-12-31`, after, limit + 1), limit, (h) => [h.date]);
  }
}
