import { Inject, Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@app/platform';
import { addMonths, localNow } from '../domain/period';
import { SCORING_SETTINGS, type ScoringSettings } from '../scoring-settings';
import { FactsStore } from '../store/facts.store';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { ClosePeriod } from './close-period';

const EVERY_MS = 60_000;

/**
 * Closes last month by itself on its policy's close day (the 10th by default; OPS the 16th). By
 * then the appraisal deadline has passed, so it closes forced: a missing appraisal carries over,
 * flagged. `SCORING_AUTO_CLOSE=false` (or 0) turns it off: the settings' `autoClose` (tests drive `tick` with their own clock).
 */
@Injectable()
export class AutoCloseWorker extends BackgroundWorker {
  constructor(
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
    private readonly close: ClosePeriod,
    private readonly facts: FactsStore,
    @Inject(SCORING_SETTINGS) private readonly settings: ScoringSettings,
  ) {
    super(EVERY_MS);
  }

  override onApplicationBootstrap(): void {
    if (this.settings.autoClose) super.onApplicationBootstrap();
  }

  protected work(): Promise<string | null> {
    return this.tick(new Date());
  }

  /** Closes the previous month if its close day has come; returns the month closed now, if any. */
  async tick(now: Date): Promise<string | null> {
    const active = await this.policies.active();
    const here = localNow(now, active.document.timeZone);
    const previous = addMonths(here.period, -1);
    const policy = await this.policies.forPeriod(previous);
    if (here.day < policy.document.closeDay) return null;
    if ((await this.periods.get(previous)).state === 'closed') return null;
    // A fresh installation knows no agents yet: closing an empty month would only hide later facts.
    if ((await this.facts.activeAgentCount()) === 0) return null;
    const outcome = await this.close.execute({ period: previous, force: true, now });
    if (outcome.closedNow) this.logger.log(`closed ${previous} on its close day (${outcome.finalized} scorecards)`);
    return outcome.closedNow ? previous : null;
  }
}
