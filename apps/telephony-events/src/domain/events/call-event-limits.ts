import type { TelephonyPolicy } from '../telephony-policy';

/** One failing field; `code` is stable for the policy bounds (a client can key on it per item). */
export interface FieldError { path: string; message: string; code?: string }

/** The policy's bounds on what a telephony system can believably report. */
export type CallEventLimits = Pick<
  TelephonyPolicy,
  | 'maxReportedDurationMs' | 'maxReportedHoldCount' | 'mosScaleMin' | 'mosScaleMax' | 'jitterMsAcceptedMax'
  | 'packetLossPctAcceptedMax' | 'idMaxLength' | 'queueMaxLength' | 'callerIdMaxLength' | 'transferTargetMaxLength'
  | 'futureToleranceMs' | 'pastHorizonDays' | 'recordingUriMaxLength'
>;

export const LIMIT_CODES = {
  textTooLong: 'TELEPHONY.TEXT_TOO_LONG',
  textNotPrintable: 'TELEPHONY.TEXT_NOT_PRINTABLE',
  numberOutOfRange: 'TELEPHONY.NUMBER_OUT_OF_RANGE',
  instantInFuture: 'TELEPHONY.INSTANT_IN_FUTURE',
  instantTooOld: 'TELEPHONY.INSTANT_TOO_OLD',
  recordingInvalid: 'TELEPHONY.RECORDING_INVALID',
} as const;

const DAY_MS = 86_400_000;
// C0 controls and DEL (NUL cannot be stored in PostgreSQL text at all); lone UTF-16 surrogates
// are not text and cannot be encoded as UTF-8.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string is not acceptable text of at most `max` characters, or null. */
export function textProblem(value: string, name: string, max: number): Omit<FieldError, 'path'> | null {
  if (value.length > max) return { code: LIMIT_CODES.textTooLong, message: `${name} must be at most ${max} characters / ${name} 最多 ${max} 个字符` };
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) {
    return { code: LIMIT_CODES.textNotPrintable, message: `${name} holds control characters or broken Unicode / ${name} 含有控制字符或无效字符` };
  }
  return null;
}

function rangeProblem(value: number, name: string, min: number, max: number): Omit<FieldError, 'path'> | null {
  if (Number.isFinite(value) && value >= min && value <= max) return null;
  return { code: LIMIT_CODES.numberOutOfRange, message: `${name} must be between ${min} and ${max} / ${name} 须在 ${min} 与 ${max} 之间` };
}

/** Why an instant is outside [now − horizon, now + tolerance], or null. */
export function instantProblem(at: number, now: number, l: CallEventLimits): Omit<FieldError, 'path'> | null {
  if (at > now + l.futureToleranceMs) {
    const s = l.futureToleranceMs / 1000;
    return { code: LIMIT_CODES.instantInFuture, message: `occurredAt is more than ${s} s in the future / 时间晚于当前 ${s} 秒以上` };
  }
  if (at < now - l.pastHorizonDays * DAY_MS) {
    return { code: LIMIT_CODES.instantTooOld, message: `occurredAt is more than ${l.pastHorizonDays} days old / 时间早于 ${l.pastHorizonDays} 天以前` };
  }
  return null;
}

const DURATIONS = ['ringMs', 'waitMs', 'holdMs', 'longestHoldMs', 'talkMs'] as const;

/**
 * The policy bounds of an event whose fields already have the right types: every string short
 * and printable, every number within its range, the instant within the accepted window (when
 * `now` is given). Bounded input is what keeps derivation from throwing and facts small.
 */
export function limitErrors(
  raw: Record<string, unknown>, at: string, l: CallEventLimits, dataFields: readonly string[], instantMs?: number, now?: number,
): FieldError[] {
  const out: FieldError[] = [];
  const add = (path: string, p: Omit<FieldError, 'path'> | null) => void (p && out.push({ path: `${at}.${path}`, ...p }));
  const text = (obj: Record<string, unknown>, key: string, path: string, max: number) => {
    if (typeof obj[key] === 'string') add(path, textProblem(obj[key] as string, key, max));
  };
  text(raw, 'eventId', 'eventId', l.idMaxLength);
  text(raw, 'callId', 'callId', l.idMaxLength);
  text(raw, 'agentId', 'agentId', l.idMaxLength);
  text(raw, 'queue', 'queue', l.queueMaxLength);
  if (instantMs !== undefined && now !== undefined) add('occurredAt', instantProblem(instantMs, now, l));
  // Only the data fields the event's type keeps: anything else is dropped, so it cannot harm.
  const source = (raw.data ?? {}) as Record<string, unknown>;
  const data = Object.fromEntries(dataFields.map((k) => [k, source[k]]));
  text(data, 'callerId', 'data.callerId', l.callerIdMaxLength);
  text(data, 'target', 'data.target', l.transferTargetMaxLength);
  const num = (key: string, min: number, max: number) => {
    if (typeof data[key] === 'number') add(`data.${key}`, rangeProblem(data[key] as number, key, min, max));
  };
  for (const key of DURATIONS) num(key, 0, l.maxReportedDurationMs);
  num('holdCount', 0, l.maxReportedHoldCount);
  num('mos', l.mosScaleMin, l.mosScaleMax);
  num('jitterMs', 0, l.jitterMsAcceptedMax);
  num('packetLossPct', 0, l.packetLossPctAcceptedMax);
  return out;
}
