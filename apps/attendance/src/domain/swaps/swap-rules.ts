import type { AttendancePolicy } from '../policy/attendance-policy';
import { addDays, daysBetween, periodOf } from '../days/local-time';
import { shiftSpan, type ShiftType } from '../days/shift-type';

export interface SwapRequest {
  swapId?: string;
  requesterId: string;
  counterpartId: string;
  /** The counterpart works the requester's shift on `date`… */
  date: string;
  /** …and the requester pays it back by working the counterpart's shift on `paybackDate`. */
  paybackDate: string;
}

/** What the rules look at, loaded for both people around both days. */
export interface SwapContext {
  /** agentId → date → shift code, around `date` and `paybackDate` (± 2 days). */
  rosters: Map<string, Map<string, string>>;
  shiftTypes: Map<string, ShiftType>;
  /** Other swaps of either person that still count (requested, consented or approved). */
  otherSwaps: SwapRequest[];
  /** Leave of either person that is requested or approved, as date ranges. */
  leaves: Array<{ agentId: string; from: string; to: string }>;
  /** Holiday duty: agentId → dates on duty. */
  duty: Map<string, Set<string>>;
  /** Days of either person already closed (a swap cannot rewrite them). */
  closedDays: Set<string>;
}

export type SwapRuleCode =
  | 'ATTENDANCE.SWAP_WITH_SELF'
  | 'ATTENDANCE.SWAP_NOT_ROSTERED'
  | 'ATTENDANCE.SWAP_DAY_CLOSED'
  | 'ATTENDANCE.HOLIDAY_DUTY_NO_SWAP'
  | 'ATTENDANCE.LEAVE_ON_SWAP_DAY'
  | 'ATTENDANCE.SWAP_LIMIT_REACHED'
  | 'ATTENDANCE.SWAP_CONSECUTIVE'
  | 'ATTENDANCE.SWAP_BACK_TO_BACK';

export interface SwapRefusal {
  code: SwapRuleCode;
  path: string;
  message: string;
}

const key = (agentId: string, date: string) => `${agentId}@${date}`;

/**
 * Every rule of rules.md §2 a swap must pass, each with its own code; the refusals in rule order
 * (empty = the swap may go ahead). Checked at request and again at approval, when things may have moved.
 */
export function checkSwap(s: SwapRequest, ctx: SwapContext, policy: AttendancePolicy): SwapRefusal[] {
  if (s.requesterId === s.counterpartId) {
    return [{ code: 'ATTENDANCE.SWAP_WITH_SELF', path: 'counterpartId', message: 'A swap needs two people / 不能与自己换班' }];
  }
  const people = [s.requesterId, s.counterpartId];
  const days = [s.date, s.paybackDate];
  const out: SwapRefusal[] = [];
  const shiftOf = (a: string, d: string) => ctx.rosters.get(a)?.get(d);
  if (!shiftOf(s.requesterId, s.date)) out.push({ code: 'ATTENDANCE.SWAP_NOT_ROSTERED', path: 'date', message: `${s.requesterId} has no shift on ${s.date} to hand over / 换班日无班次` });
  if (!shiftOf(s.counterpartId, s.paybackDate)) {
    out.push({ code: 'ATTENDANCE.SWAP_NOT_ROSTERED', path: 'paybackDate', message: `${s.counterpartId} has no shift on ${s.paybackDate} to pay back / 还班日无班次` });
  }
  for (const a of people) for (const d of days) {
    if (ctx.closedDays.has(key(a, d))) out.push({ code: 'ATTENDANCE.SWAP_DAY_CLOSED', path: d === s.date ? 'date' : 'paybackDate', message: `${a}'s ${d} is already closed / 该日考勤已结算` });
  }
  for (const a of people) for (const d of days) {
    if (ctx.duty.get(a)?.has(d)) out.push({ code: 'ATTENDANCE.HOLIDAY_DUTY_NO_SWAP', path: d === s.date ? 'date' : 'paybackDate', message: `${a} is on holiday duty on ${d} / 节假日值班人员不得换班` });
  }
  for (const l of ctx.leaves) for (const d of days) {
    if (people.includes(l.agentId) && l.from <= d && d <= l.to) {
      out.push({ code: 'ATTENDANCE.LEAVE_ON_SWAP_DAY', path: d === s.date ? 'date' : 'paybackDate', message: `${l.agentId} has leave on ${d} / 换班日或还班日不得请假` });
    }
  }
  out.push(...limitRefusals(s, ctx, policy), ...consecutiveRefusals(s, ctx, policy));
  if (out.every((r) => r.code !== 'ATTENDANCE.SWAP_NOT_ROSTERED')) out.push(...backToBackRefusals(s, ctx, policy));
  return out;
}

function involves(o: SwapRequest, agentId: string): boolean {
  return o.requesterId === agentId || o.counterpartId === agentId;
}

function limitRefusals(s: SwapRequest, ctx: SwapContext, policy: AttendancePolicy): SwapRefusal[] {
  const out: SwapRefusal[] = [];
  for (const a of [s.requesterId, s.counterpartId]) {
    for (const month of new Set([periodOf(s.date), periodOf(s.paybackDate)])) {
      const count = ctx.otherSwaps.filter((o) => involves(o, a) && (periodOf(o.date) === month || periodOf(o.paybackDate) === month)).length;
      if (count >= policy.maxSwapsPerMonth) {
        out.push({ code: 'ATTENDANCE.SWAP_LIMIT_REACHED', path: a === s.requesterId ? 'requesterId' : 'counterpartId',
          message: `${a} already has ${count} swaps in ${month}, the limit is ${policy.maxSwapsPerMonth} / 每人每月换班不得超过 ${policy.maxSwapsPerMonth} 次` });
      }
    }
  }
  return out;
}

function consecutiveRefusals(s: SwapRequest, ctx: SwapContext, policy: AttendancePolicy): SwapRefusal[] {
  const out: SwapRefusal[] = [];
  for (const a of [s.requesterId, s.counterpartId]) {
    const near = ctx.otherSwaps.find((o) => involves(o, a) &&
      [o.date, o.paybackDate].some((od) => [s.date, s.paybackDate].some((d) => Math.abs(daysBetween(od, d)) <= policy.consecutiveSwapDays)));
    if (near) {
      out.push({ code: 'ATTENDANCE.SWAP_CONSECUTIVE', path: a === s.requesterId ? 'requesterId' : 'counterpartId',
        message: `${a} has another swap next to these days (${near.date}/${near.paybackDate}) / 不得连续换班` });
    }
  }
  return out;
}

/** 连班: after the swap, nobody's two shifts may lie closer than the policy's rest (or on one day). */
function backToBackRefusals(s: SwapRequest, ctx: SwapContext, policy: AttendancePolicy): SwapRefusal[] {
  const after = new Map<string, Map<string, string>>();
  for (const a of [s.requesterId, s.counterpartId]) after.set(a, new Map(ctx.rosters.get(a) ?? []));
  const r = after.get(s.requesterId)!;
  const c = after.get(s.counterpartId)!;
  const handed = r.get(s.date)!;
  const paidBack = c.get(s.paybackDate)!;
  const doubled: string[] = [];
  r.delete(s.date);
  c.delete(s.paybackDate);
  if (c.has(s.date)) doubled.push(s.counterpartId);
  if (r.has(s.paybackDate)) doubled.push(s.requesterId);
  c.set(s.date, handed);
  r.set(s.paybackDate, paidBack);
  const out: SwapRefusal[] = doubled.map((a) => ({
    code: 'ATTENDANCE.SWAP_BACK_TO_BACK', path: a === s.requesterId ? 'paybackDate' : 'date', message: `${a} would work two shifts in one day / 换班后将连班`,
  }));
  const minRest = policy.minRestBetweenShiftsMinutes * 60_000;
  for (const [a, roster] of after) {
    if (doubled.includes(a)) continue;
    const touched = new Set([s.date, s.paybackDate].flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]));
    const spans = [...roster]
      .filter(([d, code]) => touched.has(d) && ctx.shiftTypes.has(code))
      .map(([d, code]) => shiftSpan(d, ctx.shiftTypes.get(code)!, policy))
      .sort((x, y) => x.startAt - y.startAt);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i].startAt - spans[i - 1].endAt < minRest) {
        out.push({ code: 'ATTENDANCE.SWAP_BACK_TO_BACK', path: a === s.requesterId ? 'paybackDate' : 'date',
          message: `${a} would have less than ${policy.minRestBetweenShiftsMinutes} min rest between shifts / 换班后将连班` });
        break;
      }
    }
  }
  return out;
}
