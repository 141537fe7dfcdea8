import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@app/platform';
import { CloseDueDays } from './close-due-days';

/** How often the worker looks for days to close; `ATTENDANCE_CLOSE_EVERY_MS=0` leaves closing to the endpoint. */
export function closeEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ATTENDANCE_CLOSE_EVERY_MS;
  if (raw === undefined || raw === '') return 5_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`ATTENDANCE_CLOSE_EVERY_MS must be a whole number of milliseconds ≥ 0, got "${raw}"`);
  return n;
}

/** Closes days in the background once their check-out window has passed. */
@Injectable()
export class DayCloseWorker extends BackgroundWorker {
  private readonly enabled: boolean;

  constructor(private readonly close: CloseDueDays) {
    const every = closeEveryMs();
    super(every || 60_000);
    this.enabled = every > 0;
  }

  override onApplicationBootstrap(): void {
    if (this.enabled) super.onApplicationBootstrap();
  }

  protected async work(): Promise<number> {
    return (await this.close.execute()).days;
  }
}
