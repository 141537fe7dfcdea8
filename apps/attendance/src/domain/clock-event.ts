import type { AttendancePolicy } from './attendance-policy';
import { isRecord, requireText, unknownFields, type FieldError } from './item-errors';
import { parseInstant } from './local-time';

export interface ClockEvent {
  eventId: string;
  agentId: string;
  type: 'in' | 'out';
  at: number;
}

const FIELDS = ['eventId', 'agentId', 'type', 'at', 'source', 'deviceId'] as const;

/** A posted clock event → the event or its field errors; one far in the future is a clock error, refused. */
export function parseClockEvent(raw: unknown, now: number, policy: AttendancePolicy): { event: ClockEvent } | { errors: FieldError[] } {
  if (!isRecord(raw)) return { errors: [{ path: '', message: 'a clock event object' }] };
  const errors = [...unknownFields(raw, FIELDS), ...requireText(raw, 'eventId'), ...requireText(raw, 'agentId', 64)];
  if (raw.type !== 'in' && raw.type !== 'out') errors.push({ path: 'type', message: 'in or out' });
  const at = parseInstant(raw.at);
  if (at === null) errors.push({ path: 'at', message: 'an ISO-8601 instant with offset, e.g. 2026-10-05T08:01:00+08:00' });
  else if (at > now + policy.clockFutureToleranceMinutes * 60_000) {
    errors.push({ path: 'at', message: `more than ${policy.clockFutureToleranceMinutes} min in the future / 打卡时间在未来` });
  }
  if (errors.length) return { errors };
  return { event: { eventId: raw.eventId as string, agentId: raw.agentId as string, type: raw.type as 'in' | 'out', at: at! } };
}
