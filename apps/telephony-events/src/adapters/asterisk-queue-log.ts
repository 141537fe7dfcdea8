import { AdapterResult, emptyAdapterResult } from './adapter-result';
import { agentStateOf, AGENT_VERBS } from './asterisk-agent-verbs';
import { defaultAgentId } from './asterisk-agent-id';
import { CALL_VERBS, CallVerbContext, MixMonitorFiles } from './asterisk-call-verbs';
import { MalformedLine, QueueLogLine, given } from './asterisk-queue-log-line';

export interface QueueLogOptions {
  /** Agent id from the agent field (a member name or device); default strips `SIP/`, `@context`… */
  agentIdFrom?: (agentField: string) => string;
  /** Lines longer than this are reported, not read (policy `queueLogMaxLineLength`). */
  maxLineLength?: number;
  /** Where MixMonitor's recordings are (policy `asteriskMixMonitor`): each completed call then carries `data.recording`. */
  mixMonitor?: MixMonitorFiles;
}

/** The policy's `asteriskMixMonitor` when it names a prefix and a format; anything else means no recordings. */
export function mixMonitorFiles(value: unknown): MixMonitorFiles | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uriPrefix, format } = value as Record<string, unknown>;
  if (typeof uriPrefix !== 'string' || uriPrefix === '' || typeof format !== 'string' || !/^[A-Za-z0-9]{1,16}$/.test(format)) return undefined;
  return { uriPrefix, format };
}

/**
 * Verbs Asterisk writes that carry nothing for call facts or agent states:
 * AGENTDUMP — the agent hung up during the member announcement; the caller goes back to waiting
 * and the call's real outcome follows in later lines (no CONNECT was written, so no leg to end).
 * SYSCOMPAT — channels could not be bridged; the caller likewise keeps waiting.
 * PENALTY — a member's penalty changed (routing, not availability).
 */
const IGNORED_VERBS = new Set(['QUEUESTART', 'CONFIGRELOAD', 'INFO', 'SYSCOMPAT', 'DID', 'AGENTDUMP', 'PENALTY']);

function mapLine(line: QueueLogLine, result: AdapterResult, agentIdFrom: (field: string) => string, cx: CallVerbContext): void {
  const call = CALL_VERBS[line.verb];
  if (call !== undefined) {
    if (!given(line.callId)) throw new MalformedLine(`${line.verb} without a call id`);
    if (call.needsAgent && !given(line.agentField)) throw new MalformedLine(`${line.verb} without an agent`);
    cx.agentId = call.needsAgent ? agentIdFrom(line.agentField) : undefined;
    return call.map(line, cx);
  }
  if (AGENT_VERBS[line.verb] !== undefined) {
    if (!given(line.agentField)) throw new MalformedLine(`${line.verb} without an agent`);
    return void result.agentStates.push(agentStateOf(line, agentIdFrom(line.agentField)));
  }
  if (IGNORED_VERBS.has(line.verb)) return void result.ignored.push({ line: line.lineNo, verb: line.verb });
  throw new MalformedLine(`unknown event ${line.verb.slice(0, 40)}`);
}

/** Canonical events from an Asterisk queue_log; every line is mapped, ignored or reported. */
export function parseQueueLog(text: string, options: QueueLogOptions = {}): AdapterResult {
  const result = emptyAdapterResult();
  const agentIdFrom = options.agentIdFrom ?? defaultAgentId;
  // One context for all lines: a 1,000,000-line log should not allocate a closure per line.
  const cx: CallVerbContext = { agentId: undefined, emit: (e) => result.events.push(e), mixMonitor: options.mixMonitor };
  const line = new QueueLogLine();
  let start = 0;
  for (let lineNo = 1; start <= text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.charCodeAt(end - 1) === 13 /* \r */ ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (raw.length === 0 || (raw.charCodeAt(0) <= 32 && raw.trim() === '')) continue;
    const problem = line.read(raw, lineNo, options.maxLineLength);
    if (problem !== null) {
      result.unparseable.push({ line: lineNo, reason: problem });
      continue;
    }
    result.counts[line.verb] = (result.counts[line.verb] ?? 0) + 1;
    try {
      mapLine(line, result, agentIdFrom, cx);
    } catch (error) {
      if (!(error instanceof MalformedLine)) throw error;
      result.unparseable.push({ line: lineNo, reason: error.message });
    }
  }
  return result;
}
