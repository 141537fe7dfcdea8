import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@app/platform';
import { Clock } from '../clock/clock';
import { RemindAppraisals } from './remind-appraisals';

const EVERY_MS = 15 * 60_000;

/** Checks the appraisal deadlines every quarter hour; the alert ids make repeats no-ops. */
@Injectable()
export class AppraisalReminderWorker extends BackgroundWorker {
  constructor(
    private readonly remind: RemindAppraisals,
    private readonly clock: Clock,
  ) {
    super(EVERY_MS);
  }

  protected work(): Promise<unknown> {
    return this.remind.execute(this.clock.now());
  }
}
