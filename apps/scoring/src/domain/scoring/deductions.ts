import type { ScoringPolicy } from '../policy/scoring-policy';
import { addMonths, localDate } from '../period';
import { deductibleDays } from './attendance-tally';
import type { AgentMonthInput, DeductionFacts, RecordInput } from './month-inputs';
import type { DeductionItem } from './scorecard';

/** Points a record carries: the policy's catalogue overrides the record's own. */
export function recordPoints(record: RecordInput, policy: ScoringPolicy): number {
  return policy.catalogue[record.code]?.points ?? record.points;
}

/**
 * A month's deduction points 扣分 (rules.md §5): unexcused late arrival, early leave and absence, long holds, and the
 * point records a supervisor filed. Records filed against a scorecard part count there instead. One occurrence, one
 * deduction: a hand record that restates a computed one (the policy's `computedTwins`, referencing the same day or
 * call) is listed at 0 with the reason, never counted twice. The one code path of the month and of its window.
 */
export function deductionItems(f: DeductionFacts, policy: ScoringPolicy): DeductionItem[] {
  const d = policy.deductions;
  const zone = policy.timeZone;
  const { late, early, unexcusedAbsent } = deductibleDays(f.days);
  const items: DeductionItem[] = [];
  for (const day of late) {
    items.push({ code: 'LATE', points: d.lateArrival, inputIds: [day.id], reason: `迟到 ${day.lateMinutes} 分钟 / late ${day.lateMinutes} min, ${day.date}` });
  }
  for (const day of early) {
    items.push({ code: 'EARLY_LEAVE', points: d.earlyLeave, inputIds: [day.id], reason: `早退 ${day.earlyLeaveMinutes} 分钟 / left ${day.earlyLeaveMinutes} min early, ${day.date}` });
  }
  for (const day of unexcusedAbsent) {
    items.push({ code: 'ABSENT', points: d.absence, inputIds: [day.id], reason: `旷工 / absent, ${day.date}` });
  }
  for (const leg of f.longHolds) {
    const s = Math.round(leg.ms / 1000);
    items.push({ code: 'LONG_HOLD', points: d.longHold, inputIds: [leg.callId], reason: `长时间搁置电话 ${s} 秒 / long hold ${s} s, ${localDate(leg.at, zone)}` });
  }
  const computedDates = new Set([...late, ...early, ...unexcusedAbsent].map((day) => day.date));
  const computedCalls = new Set(f.longHolds.map((l) => l.callId));
  for (const r of f.records) {
    if (r.kind !== 'points' || r.scorecardPart) continue;
    const twin = d.computedTwins[r.code];
    const duplicate = (twin === 'date' && !!r.date && computedDates.has(r.date)) || (twin === 'call' && !!r.callId && computedCalls.has(r.callId));
    const when = r.date ?? localDate(r.occurredAt, zone);
    items.push(
      duplicate
        ? { code: r.code, points: 0, inputIds: [r.recordId], reason: `${r.labelZh}: 已按${twin === 'date' ? '考勤' : '通话'}计算, 不重复扣分 / ${r.labelEn}: already counted from ${twin === 'date' ? 'attendance' : 'the call'}, not twice, ${when}` }
        : { code: r.code, points: recordPoints(r, policy), inputIds: [r.recordId], reason: `${r.labelZh} / ${r.labelEn}, ${when}` },
    );
  }
  // "HR −5: 迟到 38 分钟 / late 38 min, 2026-10-03": the line says what it cost and why.
  return items.map((i) => ({ ...i, reason: `HR −${i.points}: ${i.reason}` }));
}

/** The month's own facts, as the deduction rule takes them. */
export function monthDeductionFacts(a: AgentMonthInput, period: string): DeductionFacts {
  return { period, days: a.days, longHolds: a.calls.longHolds, records: a.records };
}

/**
 * Points incurred over the policy's window: this month and the months before it inside the window, each from its own
 * facts whether it was closed or not (a month never closed, or closed out of order, counts what happened in it).
 */
export function windowPoints(a: AgentMonthInput, monthPoints: number, period: string, policy: ScoringPolicy): number {
  const earliest = addMonths(period, -(policy.deductions.windowMonths - 1));
  return a.windowFacts
    .filter((f) => f.period >= earliest && f.period < period)
    .reduce((s, f) => s + deductionItems(f, policy).reduce((t, i) => t + i.points, 0), monthPoints);
}
