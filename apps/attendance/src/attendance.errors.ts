import type { ErrorDetail } from '@app/contracts';
import { DomainError } from '@app/platform';

/**
 * Every refusal attendance gives, one stable code each, with its HTTP status decided here (the
 * edge only maps). Swap rules come from the domain's checkSwap with their own codes.
 */
const ERRORS = {
  'ATTENDANCE.BODY_NOT_ITEMS': 400,
  'ATTENDANCE.NO_ITEMS': 400,
  'ATTENDANCE.TOO_MANY_ITEMS': 413,
  'ATTENDANCE.ITEMS_REJECTED': 400,
  'ATTENDANCE.INVALID': 400,
  'ATTENDANCE.CSV_UNREADABLE': 400,
  'ATTENDANCE.UNKNOWN_AGENT': 404,
  'ATTENDANCE.AGENT_INACTIVE': 422,
  'ATTENDANCE.REGION_FULL': 409,
  'ATTENDANCE.UNKNOWN_SHIFT_TYPE': 422,
  'ATTENDANCE.NOT_ROSTERED': 404,
  'ATTENDANCE.UNKNOWN_LEAVE_TYPE': 422,
  'ATTENDANCE.LEAVE_NOT_FOUND': 404,
  'ATTENDANCE.LEAVE_ALREADY_DECIDED': 409,
  'ATTENDANCE.LEAVE_OVERLAPS': 409,
  'ATTENDANCE.HOLIDAY_DUTY_NO_LEAVE': 422,
  'ATTENDANCE.LEAVE_ON_SWAP_DAY': 422,
  'ATTENDANCE.SWAP_NOT_FOUND': 404,
  'ATTENDANCE.SWAP_WRONG_STATE': 409,
  'ATTENDANCE.NOT_THE_COUNTERPART': 403,
  'ATTENDANCE.NOT_YOUR_RECORD': 403,
  'ATTENDANCE.SWAP_WITH_SELF': 422,
  'ATTENDANCE.SWAP_NOT_ROSTERED': 422,
  'ATTENDANCE.SWAP_DAY_CLOSED': 409,
  'ATTENDANCE.HOLIDAY_DUTY_NO_SWAP': 422,
  'ATTENDANCE.SWAP_LIMIT_REACHED': 409,
  'ATTENDANCE.SWAP_CONSECUTIVE': 409,
  'ATTENDANCE.SWAP_BACK_TO_BACK': 409,
} as const;

export type AttendanceErrorCode = keyof typeof ERRORS;

export function attendanceError(code: AttendanceErrorCode, message: string, details: ErrorDetail[] = []): DomainError {
  return new DomainError(code, message, ERRORS[code], details);
}

export const invalid = (details: ErrorDetail[], message = 'The request is not valid / 请求无效') => attendanceError('ATTENDANCE.INVALID', message, details);

export const unknownAgent = (agentId: string, path = 'agentId') =>
  attendanceError('ATTENDANCE.UNKNOWN_AGENT', `Unknown agent ${agentId} / 未知坐席 ${agentId}`, [{ path, message: `no agent ${agentId}` }]);
