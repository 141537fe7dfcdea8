import type { SwapRefusal } from '../domain/swaps/swap-rules';
import { attendanceError } from '../attendance.errors';

/** The first broken rule gives the code; every broken rule is listed in the details. */
export function swapRefused(refusals: SwapRefusal[]): Error {
  return attendanceError(refusals[0].code, refusals[0].message, refusals.map((r) => ({ path: r.path, message: `${r.code}: ${r.message}` })));
}
