import type { AttendancePolicy } from '../policy/attendance-policy';
import type { FieldError } from '../input/item-errors';
import { parseInstant } from './local-time';

export interface ClockEvent {
  eventId: string;
  agentId: string;
  type: 'in' | 'out';
  at: number;
}

/** A clock event whose fields are checked already (text, in|out, an instant with offset). */
export interface ClockEventInput {
  eventId: string;
  agentId: string;
  type: 'in' | 'out';
  at: string;
}

/** A checked clock event → the event, or refused when far in the future: a badge clock error, beyond the policy's tolerance. */
export function clockEventOf(input: ClockEventInput, now: number, policy: AttendancePolicy): { event: ClockEvent } | { errors: FieldError[] } {
  const at = parseInstant(input.at);
  if (at === null) return { errors: [{ path: 'at', message: 'an ISO-8601 instant with offset, e.g. 2026-10-05T08:01:00+08:00' }] };
  if (at > now + policy.clockFutureToleranceMinutes * 60_000) {
    return { errors: [{ path: 'at', message: `more than ${policy.clockFutureToleranceMinutes} min in the future / 打卡时间在未来` }] };
  }
  return { event: { eventId: input.eventId, agentId: input.agentId, type: input.type, at } };
}
