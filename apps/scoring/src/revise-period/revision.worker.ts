import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { PeriodStore } from '../store/period.store';
import { RevisePeriod } from './revise-period';

const EVERY_MS = 500;

/**
 * Re-scores the closed months a late or changed fact touched. The dirty mark is cleared in the
 * same transaction as the revision, so a failed pass leaves it for the next one.
 */
@Injectable()
export class RevisionWorker extends BackgroundWorker {
  constructor(
    private readonly scope: TransactionScope,
    private readonly periods: PeriodStore,
    private readonly revise: RevisePeriod,
  ) {
    super(EVERY_MS);
  }

  protected async work(): Promise<number> {
    let months = 0;
    while (await this.once()) months++;
    return months;
  }

  /** Revises one dirty month; false when none is waiting. */
  once(): Promise<boolean> {
    return this.scope.run(async () => {
      const period = await this.periods.peekDirty();
      if (!period) return false;
      // The lock before the mark, as a fact's transaction takes them: no deadlock between the two.
      await this.periods.lock(period);
      if (!(await this.periods.clearDirty(period))) return true;
      const outcome = await this.revise.execute({ period, cause: 'facts' });
      if (outcome.revised) this.logger.log(`revised ${outcome.revised} scorecard(s) of ${period}`);
      return true;
    });
  }
}
