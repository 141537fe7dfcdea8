import type { QaPolicy } from '../policy/qa-policy';
import { problem, type Problem } from '../validation/problems';

/**
 * One occurrence, one deduction (rules.md §5, issue 16). Late arrival, early leave, absence and long holds are
 * computed by scoring from attendance days and calls; a hand record of the same occurrence (the catalogue's
 * UNEXCUSED_LATE_EARLY_ABSENT, LONG_HOLD_UNREASONED) must name its day or call, and is refused when qa's copies
 * already show the computed fact. Scoring separately ignores a hand record whose computed twin arrives later (its
 * `deductions.computedTwins`), so this refusal is the issuer's immediate feedback, not the only guard.
 */
export type OccurrenceReference = 'date' | 'callId';

/** The reference a record of `code` must carry under the policy, or null; a mistyped policy value requires none. */
export function referenceFor(policy: Pick<QaPolicy, 'conduct'>, code: string): OccurrenceReference | null {
  const map: unknown = policy.conduct.referenceRequired;
  const v = typeof map === 'object' && map !== null ? (map as Record<string, unknown>)[code] : undefined;
  return v === 'date' || v === 'callId' ? v : null;
}

export function referenceMissing(code: string, ref: OccurrenceReference): Problem<'QA.CONDUCT_REFERENCE_REQUIRED'> {
  const what = ref === 'date' ? ['the day (date, yyyy-mm-dd)', '日期 date'] : ['the call (callId)', '通话 callId'];
  return problem('QA.CONDUCT_REFERENCE_REQUIRED', ref, `${code} must name ${what[0]} it is about / ${code} 须注明所涉${what[1]}`);
}

export interface DayFacts {
  status: string;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  excused: boolean;
}

/** The day carries an unexcused late arrival, early leave or absence: scoring deducts it from the day itself. */
export function dayHasUnexcusedLateEarlyOrAbsence(day: DayFacts): boolean {
  return !day.excused && (day.lateMinutes > 0 || day.earlyLeaveMinutes > 0 || day.status === 'absent');
}

/** The agent held the caller longer than the telephony limit on the call: scoring deducts it from the call itself. */
export function holdOverLimit(longestHoldMs: number, holdLimitMs: number): boolean {
  return longestHoldMs > holdLimitMs;
}

export function duplicatesComputed(code: string, ref: OccurrenceReference, value: string): Problem<'QA.CONDUCT_DUPLICATES_COMPUTED'> {
  const [en, zh] = ref === 'date'
    ? [`attendance already deducts late arrival, early leave or absence on ${value}`, `考勤已对 ${value} 的迟到、早退或旷工扣分`]
    : [`call ${value} already counts as a long hold for this agent`, `通话 ${value} 已按长时间搁置计算扣分`];
  return problem('QA.CONDUCT_DUPLICATES_COMPUTED', ref, `${code}: ${en}; one occurrence is deducted once / ${zh}, 同一事项只扣一次`);
}

export function duplicateRecord(code: string, ref: OccurrenceReference, value: string, existingRecordId: string): Problem<'QA.CONDUCT_DUPLICATE_RECORD'> {
  return problem(
    'QA.CONDUCT_DUPLICATE_RECORD', ref,
    `${code} is already recorded for this agent and ${ref} ${value} (record ${existingRecordId}) / 该坐席 ${value} 已有 ${code} 记录 (${existingRecordId})`,
  );
}
