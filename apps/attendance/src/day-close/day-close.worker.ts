import { Inject, Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@app/platform';
import { ATTENDANCE_SETTINGS, type AttendanceSettings } from '../attendance-settings';
import { CloseDueDays } from './close-due-days';

/** Closes days in the background once their check-out window has passed; `closeEveryMs` 0 leaves closing to the endpoint. */
@Injectable()
export class DayCloseWorker extends BackgroundWorker {
  private readonly enabled: boolean;

  constructor(
    private readonly close: CloseDueDays,
    @Inject(ATTENDANCE_SETTINGS) settings: AttendanceSettings,
  ) {
    super(settings.closeEveryMs || 60_000);
    this.enabled = settings.closeEveryMs > 0;
  }

  override onApplicationBootstrap(): void {
    if (this.enabled) super.onApplicationBootstrap();
  }

  protected async work(): Promise<number> {
    return (await this.close.execute()).days;
  }
}
