import { Injectable } from '@nestjs/common';
import { invalid } from '../attendance.errors';
import { HolidayStore, type Holiday } from '../store/holiday.store';

@Injectable()
export class HolidayQueries {
  constructor(private readonly holidays: HolidayStore) {}

  async year(year: unknown): Promise<Holiday[]> {
    if (typeof year !== 'string' || !/^\d{4}$/.test(year)) throw invalid([{ path: 'year', message: 'a year yyyy' }]);
    return [...(await this.holidays.between(`${year}-01-01`, `${year}-12-31`)).values()];
  }
}
