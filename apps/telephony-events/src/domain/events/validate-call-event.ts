import 'reflect-metadata';
import {
  IsDefined, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Min,
  ValidateBy, ValidateIf, ValidationError, ValidationOptions, validateSync,
} from 'class-validator';
import {
  ABANDON_REASONS, AGENT_REQUIRED_TYPES, CALL_EVENT_TYPES, CallEvent, CallEventType, DIRECTIONS,
  END_PARTIES, ParsedCallEvent, RATINGS,
} from './call-event';
import { CallEventLimits, FieldError, limitErrors, textProblem } from './call-event-limits';
import { isoInstantProblem, toEpochMs } from './iso-instant';
import { keptRecording, recordingErrors } from './recording';
import { DEFAULT_TELEPHONY_POLICY } from '../telephony-policy';

export type { FieldError } from './call-event-limits';
export interface RejectedEvent { index: number; eventId?: string; errors: FieldError[] }
export interface CallEventValidation { valid: ParsedCallEvent[]; rejected: RejectedEvent[] }

export interface ValidationRules {
  limits: CallEventLimits;
  /** When given, instants outside the policy's window around it are refused. */
  now?: number;
}
const DEFAULT_RULES: ValidationRules = { limits: DEFAULT_TELEPHONY_POLICY };
const ISO_MESSAGES = {
  'not-a-string': 'occurredAt must be an ISO-8601 string',
  'no-offset': 'occurredAt has no time-zone offset; add Z or ±hh:mm',
  malformed: 'occurredAt must be ISO-8601 with an offset, e.g. 2026-10-05T09:15:02+08:00',
};

function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isIsoInstant',
    validator: {
      validate: (value) => isoInstantProblem(value) === null,
      defaultMessage: (args) => ISO_MESSAGES[isoInstantProblem(args?.value) ?? 'malformed'],
    },
  }, options);
}

const oneOf = (name: string, values: readonly string[]) =>
  IsIn(values as string[], { message: `${name} must be one of ${values.join(', ')}` });
/** Applies rules in the order written, so stopAtFirstError reports the most basic failure. */
const rules = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) =>
  decorators.forEach((d) => d(target, key));
const id = (name: string) => [
  IsString({ message: `${name} must be a string` }),
  IsNotEmpty({ message: `${name} must not be empty` }),
];
const NON_NEGATIVE_INT = '$property must be a non-negative integer';
const optionalCount = () => rules(IsOptional(), IsInt({ message: NON_NEGATIVE_INT }), Min(0, { message: NON_NEGATIVE_INT }));
// Ranges come from the policy (call-event-limits): here only the type.
const aNumber = () => IsNumber({}, { message: '$property must be a number' });
const agentRequired = (o: CallEventDto) => AGENT_REQUIRED_TYPES.has(o.type as CallEventType);

class CallEventDto {
  @rules(...id('eventId')) eventId: unknown;
  @rules(...id('callId')) callId: unknown;
  @oneOf('type', CALL_EVENT_TYPES) type: unknown;
  @IsIsoInstant() occurredAt: unknown;
  @rules(
    ValidateIf((o: CallEventDto) => agentRequired(o) || o.agentId !== undefined),
    IsDefined({ message: (args) => `agentId is required for ${(args.object as CallEventDto).type}` }),
    ...id('agentId'),
  )
  agentId: unknown;
  @rules(IsOptional(), IsString({ message: 'queue must be a string' })) queue: unknown;
  @rules(IsOptional(), oneOf('direction', DIRECTIONS)) direction: unknown;
  @rules(IsOptional(), IsObject({ message: 'data must be an object' })) data: unknown;
}

class NoDataDto {}
class QueuedDataDto { @rules(IsOptional(), IsString({ message: 'callerId must be a string' })) callerId: unknown }
class RingDataDto { @optionalCount() ringMs: unknown }
class AnsweredDataDto { @optionalCount() ringMs: unknown; @optionalCount() waitMs: unknown }
class TransferredDataDto { @rules(IsString({ message: 'target must be a string' }), IsNotEmpty({ message: 'target must not be empty' })) target: unknown }
class EndedDataDto {
  @oneOf('endedBy', END_PARTIES) endedBy: unknown;
  @optionalCount() holdMs: unknown;
  @optionalCount() holdCount: unknown;
  @optionalCount() longestHoldMs: unknown;
  @optionalCount() talkMs: unknown;
}
class AbandonedDataDto { @oneOf('reason', ABANDON_REASONS) reason: unknown; @optionalCount() waitMs: unknown }
class QualityDataDto { @aNumber() mos: unknown; @aNumber() jitterMs: unknown; @aNumber() packetLossPct: unknown }
class RatedDataDto { @oneOf('rating', RATINGS) rating: unknown }

const DATA_DTOS: Record<CallEventType, new () => object> = {
  'call.queued': QueuedDataDto, 'call.offered': NoDataDto, 'call.missed': RingDataDto,
  'call.answered': AnsweredDataDto, 'call.hold': NoDataDto, 'call.resumed': NoDataDto,
  'call.transferred': TransferredDataDto, 'call.ended': EndedDataDto, 'call.abandoned': AbandonedDataDto,
  'call.wrapup.ended': NoDataDto, 'call.quality': QualityDataDto, 'call.rated': RatedDataDto,
};
/** Data fields the parsed form keeps; others a source adds are dropped, not rejected. */
const DATA_FIELDS: Record<CallEventType, readonly string[]> = {
  'call.queued': ['callerId'], 'call.offered': [], 'call.missed': ['ringMs'], 'call.answered': ['ringMs', 'waitMs'],
  'call.hold': [], 'call.resumed': [], 'call.transferred': ['target'],
  'call.ended': ['endedBy', 'holdMs', 'holdCount', 'longestHoldMs', 'talkMs'], 'call.abandoned': ['reason', 'waitMs'],
  'call.wrapup.ended': [], 'call.quality': ['mos', 'jitterMs', 'packetLossPct'], 'call.rated': ['rating'],
};
// Own keys that copying onto a DTO instance would turn into prototype changes instead of properties.
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

function toFieldErrors(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.map((e) => ({
    path: `${prefix}.${e.property}`,
    message: e.constraints?.whitelistValidation
      ? `unknown field ${printable(e.property)}`
      : Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`,
  }));
}

/**
 * The plain object as an instance of the DTO class, for class-validator. No class-transformer:
 * nothing here needs conversion, and it cost a quarter of validation time (bench:ingest profile).
 * Safe because keys that would rewrite the prototype are rejected before this is called.
 */
function asInstance<T extends object>(dto: new () => T, raw: object): T {
  return Object.assign(Object.create(dto.prototype) as T, raw);
}

/** A name from the input, safe to echo and to store (no control characters, no broken Unicode, short). */
function printable(name: string, max = 60): string {
  return textProblem(name, 'name', max) === null ? name : `${JSON.stringify(name.slice(0, max)).slice(1, -1)}…`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateOne(raw: unknown, at: string, given: ValidationRules): FieldError[] {
  if (!isPlainObject(raw)) return [{ path: at, message: 'event must be an object' }];
  const errors = validateShape(raw, at);
  const failed = new Set(errors.map((e) => e.path));
  const type = raw.type as CallEventType;
  const instantMs = isoInstantProblem(raw.occurredAt) === null ? (toEpochMs(raw.occurredAt as string) ?? undefined) : undefined;
  const fields = CALL_EVENT_TYPES.includes(type) ? DATA_FIELDS[type] : [];
  const bounds = limitErrors(raw, at, given.limits, fields, instantMs, given.now).filter((e) => !failed.has(e.path));
  const recording = isPlainObject(raw.data) ? recordingErrors(raw.data.recording, `${at}.data.recording`, given.limits) : [];
  return [...errors, ...bounds, ...recording];
}

/** Types, required fields and enumerations (class-validator); the policy's bounds come after. */
function validateShape(raw: Record<string, unknown>, at: string): FieldError[] {
  const forbidden = FORBIDDEN_KEYS.filter((k) => Object.prototype.hasOwnProperty.call(raw, k));
  if (forbidden.length > 0) return forbidden.map((k) => ({ path: `${at}.${k}`, message: `unknown field ${k}` }));
  const options = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true };
  const errors = toFieldErrors(validateSync(asInstance(CallEventDto, raw), options), at);
  const type = raw.type as CallEventType;
  const data = raw.data ?? {};
  if (CALL_EVENT_TYPES.includes(type) && isPlainObject(data)) {
    if (FORBIDDEN_KEYS.some((k) => Object.prototype.hasOwnProperty.call(data, k))) {
      return [...errors, { path: `${at}.data`, message: 'data has a forbidden key' }];
    }
    const dataErrors = validateSync(asInstance(DATA_DTOS[type], data), { stopAtFirstError: true, forbidUnknownValues: false });
    errors.push(...toFieldErrors(dataErrors, `${at}.data`));
  }
  return errors;
}

function toParsed(raw: Record<string, unknown>): ParsedCallEvent {
  const type = raw.type as CallEventType;
  const source = (raw.data ?? {}) as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const field of DATA_FIELDS[type]) if (source[field] !== undefined) data[field] = source[field];
  // Any type may carry the call's recording (contracts.md third round).
  if (isPlainObject(source.recording)) data.recording = keptRecording(source.recording);
  const event: Record<string, unknown> = { eventId: raw.eventId, callId: raw.callId, type, occurredAt: raw.occurredAt };
  for (const key of ['agentId', 'queue', 'direction'] as const) if (raw[key] !== undefined) event[key] = raw[key];
  event.data = data;
  return { ...(event as CallEvent), at: toEpochMs(raw.occurredAt as string) as number };
}

/** Splits a batch into parsed events and rejections; one bad item never costs the others. */
export function validateCallEvents(raw: unknown[], given: ValidationRules = DEFAULT_RULES): CallEventValidation {
  const result: CallEventValidation = { valid: [], rejected: [] };
  raw.forEach((item, index) => {
    const errors = validateOne(item, `events[${index}]`, given);
    if (errors.length === 0) return result.valid.push(toParsed(item as Record<string, unknown>));
    const eventId = isPlainObject(item) && typeof item.eventId === 'string' ? printable(item.eventId, given.limits.idMaxLength) : undefined;
    result.rejected.push({ index, ...(eventId === undefined ? {} : { eventId }), errors });
  });
  return result;
}
