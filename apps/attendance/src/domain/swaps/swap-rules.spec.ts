import { DEFAULT_ATTENDANCE_POLICY } from '../policy/attendance-policy';
import { DEFAULT_SHIFT_TYPES, type ShiftType } from '../days/shift-type';
import { checkSwap, type SwapContext, type SwapRequest } from './swap-rules';

const policy = { ...DEFAULT_ATTENDANCE_POLICY };
const night: ShiftType = { code: 'night', nameZh: '夜班', nameEn: 'night', start: '22:00', end: '06:00' };
const types = new Map([...DEFAULT_SHIFT_TYPES, night].map((t) => [t.code, t]));
/** R works mornings on the 5th, C on the 7th: C takes R's 5th, R pays back C's 7th. */
const swap: SwapRequest = { requesterId: 'R', counterpartId: 'C', date: '2026-10-05', paybackDate: '2026-10-07' };

function ctx(over: Partial<SwapContext> = {}, extra: Array<[string, string, string]> = []): SwapContext {
  const rosters = new Map([
    ['R', new Map([['2026-10-05', 'morning']])],
    ['C', new Map([['2026-10-07', 'morning']])],
  ]);
  for (const [a, d, s] of extra) rosters.get(a)!.set(d, s);
  return { rosters, shiftTypes: types, otherSwaps: [], leaves: [], duty: new Map(), closedDays: new Set(), ...over };
}
const other = (date: string, paybackDate: string, requesterId = 'R', counterpartId = 'X'): SwapRequest => ({ requesterId, counterpartId, date, paybackDate });
const codes = (s: SwapRequest, c: SwapContext) => checkSwap(s, c, policy).map((r) => [r.code, r.path]);

describe('checkSwap: every rule of rules.md §2, accepted and refused', () => {
  it('accepts a plain swap', () => {
    expect(checkSwap(swap, ctx(), policy)).toEqual([]);
  });

  it('refuses a swap with oneself', () => {
    expect(codes({ ...swap, counterpartId: 'R' }, ctx())).toEqual([['ATTENDANCE.SWAP_WITH_SELF', 'counterpartId']]);
  });

  it('refuses a day with no shift to hand over or to pay back', () => {
    expect(codes({ ...swap, date: '2026-10-04' }, ctx())).toEqual([['ATTENDANCE.SWAP_NOT_ROSTERED', 'date']]);
    expect(codes({ ...swap, paybackDate: '2026-10-08' }, ctx())).toEqual([['ATTENDANCE.SWAP_NOT_ROSTERED', 'paybackDate']]);
  });

  it('allows 3 swaps a month per person counting both sides, refuses the 4th', () => {
    const two = [other('2026-10-12', '2026-10-14'), other('2026-10-20', '2026-10-22', 'Y', 'R')];
    expect(checkSwap(swap, ctx({ otherSwaps: two }), policy)).toEqual([]);
    const three = [...two, other('2026-10-26', '2026-10-28', 'C', 'Z')];
    expect(codes(swap, ctx({ otherSwaps: three }))).toEqual([]); // C has 1, R has 2
    const rFull = [...two, other('2026-10-26', '2026-10-28', 'Z', 'R')];
    expect(codes(swap, ctx({ otherSwaps: rFull }))).toEqual([['ATTENDANCE.SWAP_LIMIT_REACHED', 'requesterId']]);
    // Swaps in another month do not count.
    expect(checkSwap(swap, ctx({ otherSwaps: [...two, other('2026-11-12', '2026-11-14', 'Z', 'R')] }), policy)).toEqual([]);
  });

  it('refuses consecutive swaps: another swap of either person on a neighbouring day', () => {
    expect(codes(swap, ctx({ otherSwaps: [other('2026-10-08', '2026-10-15', 'C', 'Z')] }))).toEqual([['ATTENDANCE.SWAP_CONSECUTIVE', 'counterpartId']]);
    expect(codes(swap, ctx({ otherSwaps: [other('2026-10-02', '2026-10-04')] }))).toEqual([['ATTENDANCE.SWAP_CONSECUTIVE', 'requesterId']]);
    expect(checkSwap(swap, ctx({ otherSwaps: [other('2026-10-02', '2026-10-03')] }), policy)).toEqual([]);
  });

  it('refuses a swap that leaves anyone working back-to-back shifts 连班', () => {
    // C works the night of the 4th until 06:00 on the 5th, then would take R's 08:00 morning.
    expect(codes(swap, ctx({}, [['C', '2026-10-04', 'night']]))).toEqual([['ATTENDANCE.SWAP_BACK_TO_BACK', 'date']]);
    // An afternoon that ends at 22:00 leaves 10 h before an 08:00 morning: enough rest.
    expect(checkSwap(swap, ctx({}, [['C', '2026-10-04', 'afternoon']]), policy)).toEqual([]);
    // R paying back on a day R already works would be two shifts in a day.
    expect(codes(swap, ctx({}, [['R', '2026-10-07', 'afternoon']]))).toEqual([['ATTENDANCE.SWAP_BACK_TO_BACK', 'paybackDate']]);
    // R's night on the 6th ends at 06:00 on the 7th, right before the pay-back morning.
    expect(codes(swap, ctx({}, [['R', '2026-10-06', 'night']]))).toEqual([['ATTENDANCE.SWAP_BACK_TO_BACK', 'paybackDate']]);
  });

  it('refuses anyone on holiday duty on either day', () => {
    expect(codes(swap, ctx({ duty: new Map([['C', new Set(['2026-10-05'])]]) }))).toEqual([['ATTENDANCE.HOLIDAY_DUTY_NO_SWAP', 'date']]);
    expect(checkSwap(swap, ctx({ duty: new Map([['C', new Set(['2026-10-01'])]]) }), policy)).toEqual([]);
  });

  it('refuses a swap or pay-back day on which either has leave', () => {
    expect(codes(swap, ctx({ leaves: [{ agentId: 'R', from: '2026-10-07', to: '2026-10-09' }] }))).toEqual([['ATTENDANCE.LEAVE_ON_SWAP_DAY', 'paybackDate']]);
    expect(checkSwap(swap, ctx({ leaves: [{ agentId: 'R', from: '2026-10-08', to: '2026-10-09' }] }), policy)).toEqual([]);
  });

  it('refuses a day already closed, and follows the policy limits', () => {
    expect(codes(swap, ctx({ closedDays: new Set(['R@2026-10-05']) }))).toEqual([['ATTENDANCE.SWAP_DAY_CLOSED', 'date']]);
    const strict = { ...policy, maxSwapsPerMonth: 1 };
    expect(checkSwap(swap, ctx({ otherSwaps: [other('2026-10-20', '2026-10-22')] }), strict).map((r) => r.code)).toEqual(['ATTENDANCE.SWAP_LIMIT_REACHED']);
  });
});
