import { CallEvent, EndParty } from '../domain/events/call-event';
import { stableJson } from '../domain/stable-json';
import { AdapterResult, emptyAdapterResult } from './adapter-result';
import { BadRecord, Json, count, instant, isObject, nestsDeeperThan, secondsAsMs, section, text } from './connect-ctr-reader';
import { connectRecording } from './connect-ctr-recording';

const END_PARTY: Record<string, EndParty> = { CUSTOMER_DISCONNECT: 'caller', AGENT_DISCONNECT: 'agent' };

/** Canonical events of one contact (one Connect contact = one call; a transfer starts a new contact). */
function eventsOf(r: Json): CallEvent[] {
  const id = r.ContactId as string;
  const queue = section(r, 'Queue');
  const agent = section(r, 'Agent');
  const outbound = r.InitiationMethod === 'OUTBOUND';
  const common = { callId: id, ...(text(queue, 'Name') ? { queue: text(queue, 'Name') } : {}), direction: outbound ? 'outbound' : 'inbound' };
  const make = (kind: string, type: CallEvent['type'], at: { iso: string }, extra: object): CallEvent =>
    ({ eventId: `ctr-${id}-${kind}`, type, occurredAt: at.iso, ...common, ...extra }) as CallEvent;
  const out: CallEvent[] = [];
  const enqueued = instant(queue, 'EnqueueTimestamp', 'Queue');
  const dequeued = instant(queue, 'DequeueTimestamp', 'Queue');
  const disconnected = instant(r, 'DisconnectTimestamp', 'record');
  const connected = instant(agent, 'ConnectedToAgentTimestamp', 'Agent');
  const acwEnd = instant(agent, 'AfterContactWorkEndTimestamp', 'Agent');
  const callerId = outbound ? undefined : text(section(r, 'CustomerEndpoint') ?? {}, 'Address');
  if (enqueued) out.push(make('queued', 'call.queued', enqueued, { data: callerId ? { callerId } : {} }));
  let agentId: string | undefined;
  if (connected) {
    agentId = text(agent, 'Username') ?? text(agent, 'ARN')?.split('/').pop();
    if (!agentId) throw new BadRecord('Agent has neither Username nor ARN');
    // A CTR has no ring time: offer and answer share the connect instant (ringMs 0).
    out.push(make('offered', 'call.offered', connected, { agentId, data: {} }));
    out.push(make('answered', 'call.answered', connected, { agentId, data: {} }));
  } else if (enqueued && (dequeued ?? disconnected)) {
    // Queued and never connected to an agent: the caller left (any DisconnectReason reads as hangup).
    const waitMs = secondsAsMs(queue, 'Duration', 'Queue');
    out.push(make('abandoned', 'call.abandoned', (dequeued ?? disconnected)!, { data: { reason: 'hangup', ...(waitMs === undefined ? {} : { waitMs }) } }));
  }
  if (disconnected) {
    const endedBy = END_PARTY[r.DisconnectReason as string] ?? 'system';
    const totals = agentId === undefined ? {} : Object.fromEntries(Object.entries({
      holdMs: secondsAsMs(agent, 'CustomerHoldDuration', 'Agent'),
      holdCount: count(agent, 'NumberOfHolds', 'Agent'),
      longestHoldMs: secondsAsMs(agent, 'LongestHoldDuration', 'Agent'),
      talkMs: secondsAsMs(agent, 'AgentInteractionDuration', 'Agent'),
    }).filter(([, v]) => v !== undefined));
    out.push(make('ended', 'call.ended', disconnected, { ...(agentId ? { agentId } : {}), data: { endedBy, ...totals } }));
  }
  if (acwEnd && agentId) out.push(make('wrapup', 'call.wrapup.ended', acwEnd, { agentId, data: {} }));
  // The recording rides on the end (else the contact's last event): speech QA finds it on the call's facts.
  const recording = connectRecording(r);
  const carrier = out.find((e) => e.type === 'call.ended') ?? out[out.length - 1];
  if (recording && carrier) carrier.data = { ...carrier.data, recording };
  return out;
}

interface Candidate { record: Json; line: number; updatedMs: number }

/** Newest LastUpdateTimestamp wins; a tie (or no timestamp) goes to the larger stable JSON, whatever the order. */
const newer = (a: Candidate, b: Candidate): boolean =>
  a.updatedMs > b.updatedMs || (a.updatedMs === b.updatedMs && stableJson(a.record) > stableJson(b.record));

/** Runs a step for one record; whatever it throws, that record is reported and the others go on. */
function guarded(result: AdapterResult, line: number, step: () => void): void {
  try {
    step();
  } catch (error) {
    const reason = error instanceof BadRecord ? error.message : `record could not be read: ${String((error as Error)?.message).slice(0, 200)}`;
    result.unparseable.push({ line, reason });
  }
}

export interface ConnectCtrOptions {
  /** Records nested deeper are reported, not read (policy `ctrMaxDepth`); real CTRs nest 3–4 levels. */
  maxDepth?: number;
}

/**
 * Canonical events from Amazon Connect contact trace records, one contact = one call.
 * `line` in ignored/unparseable is the record's 1-based position (its line in NDJSON).
 */
export function parseConnectCtrs(records: unknown[], options: ConnectCtrOptions = {}): AdapterResult {
  const result = emptyAdapterResult();
  const maxDepth = options.maxDepth ?? 32;
  const latest = new Map<string, Candidate>();
  let superseded = 0;
  records.forEach((record, i) => {
    const line = i + 1;
    if (!isObject(record) || typeof record.ContactId !== 'string' || record.ContactId === '') {
      return void result.unparseable.push({ line, reason: 'not a contact trace record (no ContactId)' });
    }
    if (nestsDeeperThan(record, maxDepth)) return void result.unparseable.push({ line, reason: `nested deeper than ${maxDepth} levels` });
    if (record.Channel !== undefined && record.Channel !== 'VOICE') {
      return void result.ignored.push({ line, verb: `Channel ${String(record.Channel)}` });
    }
    guarded(result, line, () => {
      const candidate = { record, line, updatedMs: instant(record, 'LastUpdateTimestamp', 'record')?.ms ?? -Infinity };
      const kept = latest.get(record.ContactId as string);
      if (kept) superseded++; // an older (or identical) version of a contact already seen or yet to come
      if (!kept || newer(candidate, kept)) latest.set(record.ContactId as string, candidate);
    });
  });
  for (const { record, line } of latest.values()) {
    guarded(result, line, () => void result.events.push(...eventsOf(record)));
  }
  result.unparseable.sort((a, b) => a.line - b.line);
  result.counts.records = records.length;
  result.counts.superseded = superseded;
  for (const e of result.events) result.counts[e.type] = (result.counts[e.type] ?? 0) + 1;
  return result;
}
