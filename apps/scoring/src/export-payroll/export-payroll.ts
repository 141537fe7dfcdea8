import { Injectable } from '@nestjs/common';
import { isPeriod } from '../domain/period';
import { payrollCsvHeader, payrollCsvRows } from '../domain/payroll/payroll-csv';
import { ScoringErrors } from '../scoring.errors';
import { PeriodStore } from '../store/period.store';
import { ScorecardStore } from '../store/scorecard.store';

/** Agents read per query: ~500 × a few pay lines of figures is tens of KB, whatever the centre's size. */
export const PAYROLL_CHUNK = 500;

/**
 * The pay lines of a closed month as CSV, for payroll: every agent's latest revision, by agent id, read
 * `PAYROLL_CHUNK` agents at a time (keyset) and handed on chunk by chunk, so the answer streams and never
 * sits whole in memory. An open month has no pay to export yet (409 SCORING.PERIOD_NOT_CLOSED).
 */
@Injectable()
export class ExportPayroll {
  constructor(
    private readonly periods: PeriodStore,
    private readonly scorecards: ScorecardStore,
  ) {}

  /** Checks the month before the first byte goes out (a refusal is still a JSON error); the chunks come after. */
  async execute(period: string): Promise<AsyncIterable<string>> {
    if (!isPeriod(period)) throw ScoringErrors.badPeriod();
    if ((await this.periods.get(period)).state !== 'closed') throw ScoringErrors.periodNotClosed(period);
    return this.chunks(period);
  }

  private async *chunks(period: string): AsyncGenerator<string> {
    yield payrollCsvHeader();
    let after: string | undefined;
    for (;;) {
      const rows = await this.scorecards.latestFiguresPage(period, { after, limit: PAYROLL_CHUNK });
      const text = rows.map((r) => payrollCsvRows(period, { agentId: r.agentId, revision: r.revision, pay: r.figures.pay })).join('');
      if (text) yield text;
      if (rows.length < PAYROLL_CHUNK) return;
      after = rows[rows.length - 1].agentId;
    }
  }
}
