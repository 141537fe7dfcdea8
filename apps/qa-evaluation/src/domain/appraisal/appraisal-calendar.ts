import { DateTime } from 'luxon';
import type { QaPolicy } from '../policy/qa-policy';

export type AppraisalStage = 'self' | 'supervisor' | 'final';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD.test(value);
}

/** The first instant of a `yyyy-mm` month in the policy's zone, and of the month after it. */
export function periodBounds(period: string, zone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromFormat(period, 'yyyy-MM', { zone });
  return { start, end: start.plus({ months: 1 }) };
}

export function periodOf(instant: Date | string, zone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  return dt.setZone(zone).toFormat('yyyy-MM');
}

/** The weeks of a month for sampling: days 1–7, 8–14, 15–21, 22–28 and what is left, as local instants. */
export function periodWeeks(period: string, zone: string): Array<{ week: number; from: Date; to: Date }> {
  const { start, end } = periodBounds(period, zone);
  const weeks: Array<{ week: number; from: Date; to: Date }> = [];
  for (let week = 0; start.plus({ days: week * 7 }) < end; week++) {
    const to = DateTime.min(start.plus({ days: (week + 1) * 7 }), end);
    weeks.push({ week, from: start.plus({ days: week * 7 }).toJSDate(), to: to.toJSDate() });
  }
  return weeks;
}

/**
 * Each stage is due at the end of its day of the next month (self by the 2nd, supervisor by the
 * 5th, final by the 10th by default): the instant returned is the start of the day after.
 */
export function stageDeadline(period: string, stage: AppraisalStage, policy: QaPolicy): DateTime {
  const day = { self: policy.appraisal.selfDueDay, supervisor: policy.appraisal.supervisorDueDay, final: policy.appraisal.finalDueDay }[stage];
  const dueMonth = periodBounds(period, policy.timeZone).end;
  // A due day past the month's end (a policy's 31 in a 30-day month) means its last day.
  return dueMonth.set({ day: Math.min(day, dueMonth.daysInMonth!) }).plus({ days: 1 });
}

/** An appraisal may be filed once the month has ended and until the final deadline has passed. */
export function appraisalWindow(period: string, policy: QaPolicy): { opens: DateTime; closes: DateTime } {
  return { opens: periodBounds(period, policy.timeZone).end, closes: stageDeadline(period, 'final', policy) };
}

/** Stages whose reminder is due at `now`: from `reminderLeadDays` before the deadline until it passes. */
export function stagesToRemind(period: string, now: DateTime, policy: QaPolicy): AppraisalStage[] {
  return (['self', 'supervisor', 'final'] as const).filter((stage) => {
    const due = stageDeadline(period, stage, policy);
    return now >= due.minus({ days: policy.appraisal.reminderLeadDays }) && now < due;
  });
}
