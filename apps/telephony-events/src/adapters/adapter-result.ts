import { AgentStateEvent, CallEvent } from '../domain/events/call-event';

/** What every telephony adapter returns: canonical events plus an account of every input item. */
export interface AdapterResult {
  /** Plain canonical events, ready for validateCallEvents. */
  events: CallEvent[];
  agentStates: AgentStateEvent[];
  /** Items seen, by verb (queue_log) or by kind (CTR). */
  counts: Record<string, number>;
  /** Understood but deliberately not turned into events. */
  ignored: { line: number; verb: string }[];
  unparseable: { line: number; reason: string }[];
}

export function emptyAdapterResult(): AdapterResult {
  return { events: [], agentStates: [], counts: {}, ignored: [], unparseable: [] };
}
