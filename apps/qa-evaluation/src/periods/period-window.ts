import { Injectable } from '@nestjs/common';
import { isPeriod, periodBounds } from '../domain/appraisal/appraisal-calendar';
import { refuse } from '../qa-evaluation.errors';
import { QaPolicyStore } from '../store/qa-policy.store';

export interface Window {
  from?: Date;
  to?: Date;
}

/** `?period=yyyy-mm` → the month's instants in the policy's zone (none when absent); a bad month is a 400. */
@Injectable()
export class PeriodWindow {
  constructor(private readonly policy: QaPolicyStore) {}

  async of(period: string | undefined, required = false): Promise<Window> {
    if (period === undefined && !required) return {};
    if (!isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const b = periodBounds(period, (await this.policy.current()).timeZone);
    return { from: b.start.toJSDate(), to: b.end.toJSDate() };
  }
}
