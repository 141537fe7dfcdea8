import { Injectable } from '@nestjs/common';
import type {
  AgentUpsertedEvent, AppraisalSubmittedEvent, AutoEvaluationCompletedEvent, CallSummarizedEvent, ComplaintJudgedEvent, ConductRecordedEvent, ConductVoidedEvent,
  DayClosedEvent, EvaluationEvent,
} from '@app/contracts';
import { NonRetryableMessageError } from '@app/messaging';
import { isPeriod } from '../domain/period';
import { FactsStore, type Touched } from '../store/facts.store';
import { PeriodStore } from '../store/period.store';
import { PolicyStore } from '../store/policy.store';
import { MonthFinder } from './month-finder';

const ZONE_CACHE_MS = 5_000;
/** A month ending further ahead than this cannot be closed yet (a close refuses a month that has not ended), whatever the clocks' skew. */
const SKEW_MARGIN_MS = 60 * 60 * 1_000;

function requireFields(event: unknown, fields: string[]): void {
  const e = event as Record<string, unknown> | null;
  const missing = fields.filter((f) => e?.[f] === undefined || e?.[f] === null);
  if (missing.length) throw new NonRetryableMessageError(`event without ${missing.join(', ')}`);
}

/**
 * Keeps scoring's copy of one input fact (the highest version wins) and marks any closed month it
 * touched for re-scoring, in the consumer's inbox transaction.
 */
@Injectable()
export class RecordFacts {
  private zone?: { at: number; value: { months: MonthFinder; reach: number } };

  constructor(
    private readonly facts: FactsStore,
    private readonly periods: PeriodStore,
    private readonly policies: PolicyStore,
  ) {}

  async agent(e: AgentUpsertedEvent): Promise<void> {
    requireFields(e, ['agentId', 'role', 'level', 'version']);
    await this.facts.upsertAgent(e);
  }

  /** A batch of call summaries in one set of statements (the consumer's batch, one transaction). */
  async calls(events: CallSummarizedEvent[]): Promise<void> {
    for (const e of events) requireFields(e, ['callId', 'version', 'legs']);
    await this.touch(await this.facts.upsertCalls(events));
  }

  async evaluation(e: EvaluationEvent): Promise<void> {
    requireFields(e, ['evaluationId', 'agentId', 'version', 'percent', 'evaluatedAt']);
    await this.touch(await this.facts.upsertEvaluation(e));
  }

  /** Issue 19: shown on the scorecard as KPIs; counts in no component while the policy's autoQa switch is off. */
  async autoEvaluation(e: AutoEvaluationCompletedEvent): Promise<void> {
    requireFields(e, ['callId', 'agentId', 'version', 'checkedAt']);
    await this.touch(await this.facts.upsertAutoEvaluation(e));
  }

  async appraisal(e: AppraisalSubmittedEvent): Promise<void> {
    requireFields(e, ['agentId', 'period', 'version', 'total']);
    await this.touch(await this.facts.upsertAppraisal(e));
  }

  async day(e: DayClosedEvent): Promise<void> {
    requireFields(e, ['agentId', 'date', 'status', 'version']);
    await this.touch(await this.facts.upsertDay(e));
  }

  async record(e: ConductRecordedEvent): Promise<void> {
    requireFields(e, ['recordId', 'agentId', 'code', 'kind', 'occurredAt']);
    await this.touch(await this.facts.insertRecord(e));
  }

  async voided(e: ConductVoidedEvent): Promise<void> {
    requireFields(e, ['recordId']);
    await this.touch(await this.facts.voidRecord(e));
  }

  async complaint(e: ComplaintJudgedEvent): Promise<void> {
    requireFields(e, ['complaintId', 'receivedAt']);
    await this.touch(await this.facts.upsertComplaint(e));
  }

  private async touch(t: Touched): Promise<void> {
    if (t.instants.length === 0 && t.periods.length === 0) return;
    const { months, reach } = await this.windows();
    const closable = Date.now() + SKEW_MARGIN_MS;
    // A fact counts in its own month and in the windows of the months after it (not appraised, deduction points).
    const own = new Set(t.periods.filter(isPeriod));
    for (const i of t.instants) {
      const p = months.periodOf(i);
      if (p) own.add(p);
    }
    const periods = [...new Set([...own].flatMap((p) => Array.from({ length: reach }, (_, i) => MonthFinder.plus(p, i))))].filter(
      (p) => months.endOf(p) <= closable,
    );
    // Most facts are of the running month, which no close can touch yet: no lock, no mark.
    if (periods.length > 0) await this.periods.markDirtyUnderLock(periods);
  }

  private async windows(): Promise<{ months: MonthFinder; reach: number }> {
    if (this.zone && Date.now() - this.zone.at < ZONE_CACHE_MS) return this.zone.value;
    const doc = (await this.policies.active()).document;
    // The finder keeps its month windows while the zone stays the same.
    const months = this.zone?.value.months.zone === doc.timeZone ? this.zone.value.months : new MonthFinder(doc.timeZone);
    const value = { months, reach: Math.max(1, doc.notAppraised.windowMonths, doc.deductions.windowMonths) };
    this.zone = { at: Date.now(), value };
    return value;
  }
}
