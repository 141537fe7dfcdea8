import { DateTime } from 'luxon';
import type { ScoringPolicy } from '../policy/scoring-policy';
import type { AwayDay } from './month-inputs';

const daysBetween = (from: string, to: string) => DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;

/**
 * 考评期内未到岗累计超过2个月(包括请假及其他原因缺岗): calendar days covered by leave or absence in the window. A full
 * day away covers itself and, when the rostered day before it was a full day away too, the rest days and holidays
 * between them (a month of leave covers its weekends); half a day covers half.
 */
export function calendarDaysAway(days: readonly AwayDay[]): number {
  let covered = 0;
  for (const d of days) {
    if (d.halfDay) covered += 0.5;
    else covered += 1 + (d.bridgedFrom ? Math.max(0, daysBetween(d.bridgedFrom, d.date) - 1) : 0);
  }
  return covered;
}

export function isAppraised(awayDays: number, policy: ScoringPolicy): boolean {
  return awayDays <= policy.notAppraised.maxAwayDays;
}
