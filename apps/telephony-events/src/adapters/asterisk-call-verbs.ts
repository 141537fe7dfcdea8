import { AbandonReason, CallEvent, CallEventDataMap, CallEventType, EndParty, RecordingData } from '../domain/events/call-event';
import { MAX_INSTANT_MS, MalformedLine, QueueLogLine, countField, given } from './asterisk-queue-log-line';

/** What a call verb needs besides its line: the agent id (already resolved) and where events go. */
export interface CallVerbContext {
  agentId: string | undefined;
  emit: (event: CallEvent) => void;
  /** Where MixMonitor left the queue calls' recordings, when the tenant says (policy `asteriskMixMonitor`). */
  mixMonitor?: MixMonitorFiles;
}

/** `uriPrefix` + `/<queue_log call id>.<format>`: app_queue's MixMonitor file name without MONITOR_FILENAME. */
export interface MixMonitorFiles {
  uriPrefix: string;
  format: string;
}
type CallVerb = (line: QueueLogLine, cx: CallVerbContext) => void;

/** `ast-<callid>-<verb>-<epoch>-<sha1 of line>`: the same log uploaded twice yields the same ids. */
export function queueLogEventId(line: QueueLogLine, suffix?: string): string {
  const id = line.eventIdBase();
  return suffix === undefined ? id : `${id}-${suffix}`;
}

function event<T extends CallEventType>(line: QueueLogLine, cx: CallVerbContext, type: T, atMs: number, data: CallEventDataMap[T] & { recording?: RecordingData }, suffix?: string): CallEvent {
  // A ring or wait time larger than the epoch itself puts the instant out of any calendar.
  if (!(Math.abs(atMs) <= MAX_INSTANT_MS)) throw new MalformedLine(`${line.verb} puts ${type} outside any date`);
  const e: Record<string, unknown> = { eventId: queueLogEventId(line, suffix), callId: line.callId, type, occurredAt: new Date(atMs).toISOString() };
  if (cx.agentId !== undefined) e.agentId = cx.agentId;
  if (given(line.queue)) e.queue = line.queue;
  e.direction = 'inbound'; // a queue_log call is a caller waiting in an ACD queue
  e.data = data;
  return e as CallEvent;
}

const S = 1000;
const ms = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * S);

/** ENTERQUEUE url|callerid|position */
const enterQueue: CallVerb = (line, cx) => {
  const callerId = line.data(1);
  cx.emit(event(line, cx, 'call.queued', line.epochMs, given(callerId) ? { callerId } : {}));
};

/** RINGNOANSWER ringtime(ms): the ring began ringtime before the line was written. */
const ringNoAnswer: CallVerb = (line, cx) => {
  const ringMs = countField(line, 0, 'ringtime');
  // Without a ringtime the ring start is unknown: a bare miss, no invented offer.
  if (ringMs === undefined) return cx.emit(event(line, cx, 'call.missed', line.epochMs, {}));
  cx.emit(event(line, cx, 'call.offered', line.epochMs - ringMs, {}, 'offered'));
  cx.emit(event(line, cx, 'call.missed', line.epochMs, { ringMs }, 'missed'));
};

/** RINGCANCELED ringtime(ms): the caller left while this phone rang — an offer, not a miss. */
const ringCanceled: CallVerb = (line, cx) => {
  const ringMs = countField(line, 0, 'ringtime') ?? 0; // no ringtime: all we know is it rang by now
  cx.emit(event(line, cx, 'call.offered', line.epochMs - ringMs, {}));
};

/** CONNECT holdtime(s, the wait in queue)|bridged uniqueid|ringtime(s). */
const connect: CallVerb = (line, cx) => {
  const waitMs = ms(countField(line, 0, 'holdtime'));
  const ringMs = ms(countField(line, 2, 'ringtime'));
  // Asterisk before 1.6 wrote no ringtime: then the ring start is unknown and no offer is made up.
  if (ringMs !== undefined) cx.emit(event(line, cx, 'call.offered', line.epochMs - ringMs, {}, 'offered'));
  const data: CallEventDataMap['call.answered'] = {};
  if (ringMs !== undefined) data.ringMs = ringMs;
  if (waitMs !== undefined) data.waitMs = waitMs;
  cx.emit(event(line, cx, 'call.answered', line.epochMs, data, ringMs === undefined ? undefined : 'answered'));
};

/**
 * COMPLETECALLER / COMPLETEAGENT holdtime|calltime|origpos. queue_log's "holdtime" is the wait in
 * queue, not time on hold, and queue_log has no on-hold events at all, so holdMs stays 0.
 */
const complete = (endedBy: EndParty): CallVerb => (line, cx) => {
  const recording = cx.mixMonitor ? mixMonitorRecording(line, cx.mixMonitor) : undefined;
  cx.emit(event(line, cx, 'call.ended', line.epochMs, recording ? { endedBy, recording } : { endedBy }));
};

/**
 * The recording app_queue made of a queue call with `monitor-type=MixMonitor`: named after the caller
 * channel's uniqueid (the queue_log call id) unless MONITOR_FILENAME is set, in `monitor-format`, mixed to one
 * channel, and (option `b`) only while bridged, so its length is the call time COMPLETE* reports.
 */
function mixMonitorRecording(line: QueueLogLine, files: MixMonitorFiles): RecordingData {
  let seconds: number | undefined;
  try {
    seconds = countField(line, 1, 'calltime');
  } catch {
    seconds = undefined; // an odd calltime costs the recording its length, not the call its end
  }
  const uri = `${files.uriPrefix.replace(/\/+$/, '')}/${encodeURIComponent(line.callId)}.${files.format}`;
  return { uri, channels: 1, format: files.format, ...(seconds === undefined ? {} : { durationMs: seconds * S }) };
}

/** The caller left before an answer; waittime (s) sits at `waitIndex` (absent in old Asterisk). */
const leave = (reason: AbandonReason, waitIndex: number, lenient = false): CallVerb => (line, cx) => {
  let waitMs: number | undefined;
  try {
    waitMs = ms(countField(line, waitIndex, 'waittime'));
  } catch (error) {
    if (!lenient) throw error; // WITHDRAW's layout differs between versions: an odd field is not fatal
  }
  cx.emit(event(line, cx, 'call.abandoned', line.epochMs, waitMs === undefined ? { reason } : { reason, waitMs }));
};

/** Transfers end the transferring agent's leg; the target is as specific as the line allows. */
const transfer = (targetOf: (d: QueueLogLine) => string): CallVerb => (line, cx) => {
  const target = targetOf(line) || 'unknown';
  cx.emit(event(line, cx, 'call.transferred', line.epochMs, { target }));
  // Asterisk writes no COMPLETE* after a transfer: the caller has left this queue call for the
  // target. Without an end here every transferred call would later be closed by timeout and
  // counted as one; the agent ended it by transferring.
  cx.emit(event(line, cx, 'call.ended', line.epochMs, { endedBy: 'agent' }, 'ended'));
};
const extAtContext = (l: QueueLogLine) => (l.data(1) ? `${l.data(0) ?? ''}@${l.data(1)}` : l.data(0) ?? '');
/** ATTENDEDTRANSFER BRIDGE|bridge|… , APP|app|… , LINK|chan1|chan2|… → "METHOD:detail". */
const attended = (l: QueueLogLine) =>
  l.data(0) === 'LINK' ? `LINK:${l.data(1) ?? ''},${l.data(2) ?? ''}` : l.data(1) ? `${l.data(0)}:${l.data(1)}` : l.data(0) ?? '';

/** Call verbs and whether they name an agent. */
export const CALL_VERBS: Record<string, { map: CallVerb; needsAgent: boolean }> = {
  ENTERQUEUE: { map: enterQueue, needsAgent: false },
  RINGNOANSWER: { map: ringNoAnswer, needsAgent: true },
  RINGCANCELED: { map: ringCanceled, needsAgent: true },
  CONNECT: { map: connect, needsAgent: true },
  COMPLETECALLER: { map: complete('caller'), needsAgent: true },
  COMPLETEAGENT: { map: complete('agent'), needsAgent: true },
  ABANDON: { map: leave('hangup', 2), needsAgent: false }, // pos|origpos|waittime
  EXITWITHTIMEOUT: { map: leave('timeout', 2), needsAgent: false }, // pos|origpos|waittime
  EXITEMPTY: { map: leave('empty', 2), needsAgent: false }, // pos|origpos|waittime
  EXITWITHKEY: { map: leave('key', 3), needsAgent: false }, // key|pos|origpos|waittime
  WITHDRAW: { map: leave('withdraw', 2, true), needsAgent: false }, // pos|origpos|waittime|info
  BLINDTRANSFER: { map: transfer(extAtContext), needsAgent: true }, // ext|context|holdtime|calltime|origpos
  ATTENDEDTRANSFER: { map: transfer(attended), needsAgent: true }, // method|…|holdtime|calltime|origpos
  TRANSFER: { map: transfer(extAtContext), needsAgent: true }, // ext|context|holdtime|calltime (pre-12)
};
