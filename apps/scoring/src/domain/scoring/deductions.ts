import type { ScoringPolicy } from '../policy/scoring-policy';
import { localDate } from '../period';
import type { AttendanceTally } from './attendance-tally';
import type { AgentMonthInput, RecordInput } from './month-inputs';
import type { DeductionItem } from './scorecard';

/** Points a record carries: the policy's catalogue overrides the record's own. */
export function recordPoints(record: RecordInput, policy: ScoringPolicy): number {
  return policy.catalogue[record.code]?.points ?? record.points;
}

/**
 * The month's deduction points 扣分 (rules.md §5): unexcused late arrival, early leave and absence,
 * long holds, and the point records a supervisor filed. Records filed against a shift lead's
 * scorecard part count there instead.
 */
export function deductionItems(a: AgentMonthInput, att: AttendanceTally, policy: ScoringPolicy): DeductionItem[] {
  const d = policy.deductions;
  const zone = policy.timeZone;
  const items: DeductionItem[] = [];
  for (const day of att.late) {
    items.push({ code: 'LATE', points: d.lateArrival, inputIds: [day.id], reason: `迟到 ${day.lateMinutes} 分钟 / late ${day.lateMinutes} min, ${day.date}` });
  }
  for (const day of att.early) {
    items.push({ code: 'EARLY_LEAVE', points: d.earlyLeave, inputIds: [day.id], reason: `早退 ${day.earlyLeaveMinutes} 分钟 / left ${day.earlyLeaveMinutes} min early, ${day.date}` });
  }
  for (const day of att.unexcusedAbsent) {
    items.push({ code: 'ABSENT', points: d.absence, inputIds: [day.id], reason: `旷工 / absent, ${day.date}` });
  }
  for (const leg of a.calls.longHolds) {
    const s = Math.round(leg.ms / 1000);
    items.push({ code: 'LONG_HOLD', points: d.longHold, inputIds: [leg.callId], reason: `长时间搁置电话 ${s} 秒 / long hold ${s} s, ${localDate(leg.at, zone)}` });
  }
  for (const r of a.records) {
    if (r.kind !== 'points' || r.scorecardPart) continue;
    items.push({ code: r.code, points: recordPoints(r, policy), inputIds: [r.recordId], reason: `${r.labelZh} / ${r.labelEn}, ${localDate(r.occurredAt, zone)}` });
  }
  // "HR −5: 迟到 38 分钟 / late 38 min, 2026-10-03": the line says what it cost and why.
  return items.map((i) => ({ ...i, reason: `HR −${i.points}: ${i.reason}` }));
}

/** Points over the policy's window (this month and the closed months before it inside the window). */
export function windowPoints(a: AgentMonthInput, monthPoints: number, policy: ScoringPolicy, monthsBefore: string[]): number {
  const inWindow = new Set(monthsBefore.slice(0, policy.deductions.windowMonths - 1));
  return monthPoints + a.history.filter((h) => inWindow.has(h.period)).reduce((s, h) => s + h.deductionPoints, 0);
}
