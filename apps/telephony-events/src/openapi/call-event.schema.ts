import { ABANDON_REASONS, AGENT_REQUIRED_TYPES, CALL_EVENT_TYPES, DIRECTIONS, END_PARTIES, RATINGS, type CallEventType } from '../domain/events/call-event';
import { RECORDING_MAX_CHANNELS } from '../domain/events/recording';
import { DEFAULT_TELEPHONY_POLICY as P } from '../domain/telephony-policy';
import { arr, enumOf, int, num, obj, str, type Schema } from './schema-kit';

const duration = (what: string) => int(`${what} in ms (0–${P.maxReportedDurationMs}, policy maxReportedDurationMs)`, { minimum: 0, maximum: P.maxReportedDurationMs });

/** `data` of each type (contracts.md table; extensions marked). */
const DATA: Record<CallEventType, Schema> = {
  'call.queued': obj({ callerId: str(`at most ${P.callerIdMaxLength} characters`, { maxLength: P.callerIdMaxLength }) }, ['callerId']),
  'call.offered': obj({}),
  'call.missed': obj({ ringMs: duration('ring time') }, ['ringMs']),
  'call.answered': obj({ ringMs: duration('ring time'), waitMs: duration('queue wait reported by the source (extension)') }, ['ringMs', 'waitMs']),
  'call.hold': obj({}),
  'call.resumed': obj({}),
  'call.transferred': obj({ target: str('another agent or number', { minLength: 1, maxLength: P.transferTargetMaxLength }) }),
  'call.ended': obj(
    {
      endedBy: enumOf(END_PARTIES),
      holdMs: duration('hold total (extension, sources reporting aggregates)'),
      holdCount: int('extension', { minimum: 0, maximum: P.maxReportedHoldCount }),
      longestHoldMs: duration('extension'),
      talkMs: duration('extension'),
    },
    ['holdMs', 'holdCount', 'longestHoldMs', 'talkMs'],
  ),
  'call.abandoned': obj({ reason: enumOf(ABANDON_REASONS, "'key' and 'withdraw' extend the contract"), waitMs: duration('wait') }, ['waitMs']),
  'call.wrapup.ended': obj({}),
  'call.quality': obj({
    mos: num('1–5', { minimum: P.mosScaleMin, maximum: P.mosScaleMax }),
    jitterMs: num(undefined, { minimum: 0, maximum: P.jitterMsAcceptedMax }),
    packetLossPct: num(undefined, { minimum: 0, maximum: P.packetLossPctAcceptedMax }),
  }),
  'call.rated': obj({ rating: enumOf(RATINGS, '优 / 良 / 中 / 差') }),
};

const id = (what: string) => str(what, { minLength: 1, maxLength: P.idMaxLength });

/** Any type's `data` may carry the call's recording (contracts.md third round). */
const RECORDING = obj(
  {
    uri: str(`where the recording is: a URI with a scheme (s3://, file://, https://) or an absolute path; at most ${P.recordingUriMaxLength} characters`, { minLength: 1, maxLength: P.recordingUriMaxLength }),
    durationMs: duration('length of the recording'),
    channels: int('audio channels (1 mono, 2 one per party)', { minimum: 1, maximum: RECORDING_MAX_CHANNELS }),
    format: str('file type, e.g. wav, mp3, gsm', { maxLength: 16 }),
  },
  ['durationMs', 'channels', 'format'],
  'The call\'s recording; the latest event carrying one gives the published `recording`',
);
const withRecording = (data: Schema): Schema => ({ ...data, properties: { ...data.properties, recording: RECORDING } });

function eventOf(type: CallEventType): Schema {
  const agentRequired = AGENT_REQUIRED_TYPES.has(type);
  return obj(
    {
      eventId: id('unique per source; the idempotency key'),
      callId: id('the call'),
      type: enumOf([type]),
      occurredAt: str(`ISO-8601 with offset; within ${P.futureToleranceMs / 60_000} min ahead and ${P.pastHorizonDays} days back (policy)`, { format: 'date-time' }),
      agentId: id(agentRequired ? 'required for this type' : 'optional'),
      queue: str(undefined, { maxLength: P.queueMaxLength }),
      direction: enumOf(DIRECTIONS),
      data: withRecording(DATA[type]),
    },
    ['queue', 'direction', 'data', ...(agentRequired ? [] : ['agentId'])],
    `A ${type} event`,
  );
}

/** One canonical event: one schema per `type`, told apart by it. */
export const CALL_EVENT_SCHEMA: Schema = {
  oneOf: CALL_EVENT_TYPES.map(eventOf),
  discriminator: { propertyName: 'type' },
};

export const CALL_EVENTS_BODY: Schema = arr(CALL_EVENT_SCHEMA, `Up to ${P.maxEventsPerRequest} events (policy maxEventsPerRequest), or the same as NDJSON`);

const base = { callId: 'c-1', queue: 'sales', direction: 'inbound' };
export const CALL_EVENTS_EXAMPLE = [
  { eventId: 'src-1', ...base, type: 'call.queued', occurredAt: '2026-10-05T09:14:50+08:00', data: { callerId: '13800000001' } },
  { eventId: 'src-2', ...base, type: 'call.offered', occurredAt: '2026-10-05T09:14:58+08:00', agentId: 'A1001', data: {} },
  { eventId: 'src-3', ...base, type: 'call.answered', occurredAt: '2026-10-05T09:15:02.120+08:00', agentId: 'A1001', data: {} },
  { eventId: 'src-4', ...base, type: 'call.ended', occurredAt: '2026-10-05T09:18:40+08:00', agentId: 'A1001', data: { endedBy: 'caller' } },
];
