/** An HTTP answer as the importer needs it. */
export interface Answer {
  status: number;
  body: unknown;
  /** From a Retry-After header, when the service sent one. */
  retryAfterMs?: number;
}

/** The service's import report (apps/telephony-events/src/import-telephony-output/import-report.ts), the counts only. */
export interface ChunkReport {
  accepted: number;
  duplicates: number;
  rejected: number;
  unparseable: number;
  agentStates: number;
}

export type Outcome =
  /** 2xx: the chunk is durably stored (what was valid in it). */
  | { kind: 'stored'; report: ChunkReport }
  /** 400 with the report: nothing in the chunk could be used; its lines are counted as refused and the import moves on. */
  | { kind: 'refused'; report: ChunkReport; reason: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'fail'; code: string; message: string };

/** Answers worth waiting out: the service or a proxy in front of it is busy or restarting. */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** telephony-events' code for "nothing in the request is valid", whose body carries the report. */
const NOTHING_USABLE = 'TELEPHONY.EVENTS_REJECTED';

type Body = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function reportOf(body: Body): ChunkReport {
  const states = (typeof body.agentStates === 'object' && body.agentStates !== null ? body.agentStates : {}) as Body;
  return {
    accepted: num(body.accepted),
    duplicates: num(body.duplicates),
    rejected: typeof body.rejectedCount === 'number' ? body.rejectedCount : Array.isArray(body.rejected) ? body.rejected.length : 0,
    unparseable: typeof body.unparseableCount === 'number' ? body.unparseableCount : Array.isArray(body.unparseable) ? body.unparseable.length : 0,
    agentStates: num(states.accepted) + num(states.duplicates),
  };
}

const isBody = (b: unknown): b is Body => typeof b === 'object' && b !== null && !Array.isArray(b);

/** What to do after an answer. */
export function outcomeOf(answer: Answer): Outcome {
  const body = isBody(answer.body) ? answer.body : {};
  if (answer.status >= 200 && answer.status < 300) return { kind: 'stored', report: reportOf(body) };
  if (RETRYABLE_STATUS.has(answer.status)) return { kind: 'retry', reason: `HTTP ${answer.status}`, retryAfterMs: answer.retryAfterMs };
  const code = typeof body.error === 'string' ? body.error : `HTTP_${answer.status}`;
  const message = typeof body.message === 'string' ? body.message : `HTTP ${answer.status}`;
  if (answer.status === 400 && code === NOTHING_USABLE) return { kind: 'refused', report: reportOf(body), reason: message };
  return { kind: 'fail', code, message };
}

/** Exponential backoff from 0.5 s, doubling, capped at 30 s (a Retry-After is honoured up to 60 s). */
export function backoffMs(attempt: number, retryAfterMs?: number): number {
  const exp = Math.min(30_000, 500 * 2 ** (attempt - 1));
  return retryAfterMs !== undefined ? Math.min(60_000, Math.max(exp, retryAfterMs)) : exp;
}
