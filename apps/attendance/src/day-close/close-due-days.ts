import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { DayCloser } from '../closing/day-closer';
import { RosterStore } from '../store/roster.store';

/** Days claimed and decided per transaction: large enough to amortise the loads, small enough to keep locks short. */
export const CLOSE_BATCH = 5_000;
/** Batches closed side by side: one decides in Node while another waits on PostgreSQL. */
export const CLOSE_LANES = 2;

export interface CloseResult {
  /** Days looked at (claimed). */
  days: number;
  /** Day versions published. */
  published: number;
}

/**
 * Closes every roster day whose check-out window has passed by `now` and was never closed, and
 * re-closes days changed since (late clock events, roster, leave or holiday changes). Claims rows
 * with SKIP LOCKED, so any number of instances may run it.
 */
@Injectable()
export class CloseDueDays {
  constructor(
    private readonly scope: TransactionScope,
    private readonly rosters: RosterStore,
    private readonly closer: DayCloser,
  ) {}

  async execute(now = Date.now()): Promise<CloseResult> {
    const total: CloseResult = { days: 0, published: 0 };
    const lane = async () => {
      for (;;) {
        const r = await this.batch(now);
        total.days += r.days;
        total.published += r.published;
        if (r.days < CLOSE_BATCH) return;
      }
    };
    await Promise.all(Array.from({ length: CLOSE_LANES }, lane));
    return total;
  }

  private batch(now: number): Promise<CloseResult> {
    return this.scope.run(async () => {
      const days = await this.rosters.claimDue(now, CLOSE_BATCH);
      if (days.length === 0) return { days: 0, published: 0 };
      const saved = await this.closer.closeClaimed(days, { cause: 'closed', now: Date.now() });
      return { days: days.length, published: saved.length };
    });
  }
}
