/**
 * The import's checkpoint: what file it is, where the service last acknowledged, and the totals so
 * far. Plain data and rules; reading and writing it is checkpoint-file.ts.
 */

export type ImportMode = 'queue-log' | 'ctr-ndjson' | 'ctr-array';

/**
 * Which file a checkpoint belongs to. Not its size (a queue_log grows while Asterisk writes it) but
 * its path and the hash of its first bytes (64 KB, or fewer if it was smaller then; a JSON array,
 * read whole, is hashed whole).
 */
export interface FileIdentity {
  path: string;
  mode: ImportMode;
  headBytes: number;
  headSha256: string;
}

export interface ImportTotals {
  /** Lines (CTR records, for a JSON array) consumed: sent, skipped, blank or refused. */
  lines: number;
  /** Before --from, not sent. */
  linesSkipped: number;
  /** In chunks the service refused whole (400: nothing in them could be used). */
  linesRefused: number;
  requests: number;
  eventsAccepted: number;
  /** Already stored (a chunk re-sent after a crash, or a --restart): the service's ids make them no-ops. */
  eventsDuplicate: number;
  eventsRejected: number;
  linesUnparseable: number;
  agentStates: number;
  /** ENTERQUEUE lines, or CTR records, sent. */
  calls: number;
  /** `YYYY-MM`, sorted. */
  months: string[];
}

export interface Checkpoint {
  version: 1;
  identity: FileIdentity;
  /** The --from month the import was started with (null: all of the file). */
  from: string | null;
  /** Byte offset after the last acknowledged chunk (0 for a JSON array, which resumes by `line`). */
  offset: number;
  /** The next line (or record) to send, from 1. */
  line: number;
  complete: boolean;
  totals: ImportTotals;
  startedAt: string;
  updatedAt: string;
}

export const emptyTotals = (): ImportTotals => ({
  lines: 0, linesSkipped: 0, linesRefused: 0, requests: 0, eventsAccepted: 0, eventsDuplicate: 0, eventsRejected: 0,
  linesUnparseable: 0, agentStates: 0, calls: 0, months: [],
});

export function newCheckpoint(identity: FileIdentity, from: string | null, now: Date): Checkpoint {
  const at = now.toISOString();
  return { version: 1, identity, from, offset: 0, line: 1, complete: false, totals: emptyTotals(), startedAt: at, updatedAt: at };
}

/** What the file looks like now, as far as resuming needs. */
export interface FileNow {
  identity: FileIdentity;
  from: string | null;
  size: number;
  /** The byte before the checkpoint's offset is '\n' (a resume starts on a line boundary). */
  lineBoundaryAtOffset: boolean;
}

export type ImportPlan =
  | { kind: 'fresh'; restarted: boolean }
  | { kind: 'resume'; checkpoint: Checkpoint; grown: boolean }
  | { kind: 'done'; checkpoint: Checkpoint }
  | { kind: 'refuse'; reason: string };

const sameFile = (a: FileIdentity, b: FileIdentity) => a.path === b.path && a.mode === b.mode && a.headBytes === b.headBytes && a.headSha256 === b.headSha256;

/**
 * Start, resume, say it is done, or refuse: a checkpoint is only ever applied to the file it was
 * made for, so a rotated or replaced log is never read from the middle.
 */
export function planImport(saved: Checkpoint | undefined, now: FileNow, restart: boolean): ImportPlan {
  if (restart || saved === undefined) return { kind: 'fresh', restarted: restart && saved !== undefined };
  const again = 'run with --restart to import it from the start, or --state to keep another checkpoint / 如需从头导入请加 --restart';
  if (!sameFile(saved.identity, now.identity)) {
    return { kind: 'refuse', reason: `the checkpoint was made for another file (${saved.identity.path}, ${saved.identity.mode}, first ${saved.identity.headBytes} bytes differ or the kind changed); ${again}` };
  }
  if (saved.from !== now.from) {
    return { kind: 'refuse', reason: `the checkpoint was made with --from ${saved.from ?? '(none)'}, this run has --from ${now.from ?? '(none)'}; use the same, or ${again}` };
  }
  if (now.identity.mode === 'ctr-array') return saved.complete ? { kind: 'done', checkpoint: saved } : { kind: 'resume', checkpoint: saved, grown: false };
  if (now.size < saved.offset) {
    return { kind: 'refuse', reason: `the file is shorter (${now.size} bytes) than where the checkpoint stopped (${saved.offset}): truncated or rotated; ${again}` };
  }
  if (saved.complete && now.size === saved.offset) return { kind: 'done', checkpoint: saved };
  if (saved.offset > 0 && !now.lineBoundaryAtOffset) {
    return { kind: 'refuse', reason: `byte ${saved.offset} of the file is not where a line starts any more (the file changed); ${again}` };
  }
  return { kind: 'resume', checkpoint: { ...saved, complete: false }, grown: saved.complete };
}

/** A sorted union of months. */
export function withMonths(months: string[], more: Iterable<string>): string[] {
  return [...new Set([...months, ...more])].sort();
}
