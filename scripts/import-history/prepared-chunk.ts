import type { LineChunk } from './line-chunker';
import type { MonthOfInstant } from './month-of-instant';

/** What a chunk comes to before it is sent: the body, and what it counts for the totals. */
export interface PreparedChunk {
  chunk: LineChunk;
  /** The lines to post (skipped ones blanked, so the service's line numbers stay the file's); null when nothing is left to send. */
  body: Buffer | null;
  /** Lines sent with content (not blank, not before --from). */
  sent: number;
  /** Lines before --from, not sent. */
  skipped: number;
  /** ENTERQUEUE lines, or CTR records, sent. */
  calls: number;
  /** Months (`YYYY-MM`, in the import's time zone) of what was sent. */
  months: Set<string>;
}

export interface Selection {
  /** Lines whose instant is before this are skipped (--from). */
  fromMs?: number;
  months: MonthOfInstant;
}

/** What a content line is: its instant when it has one that can be read, and whether it is a call. */
export interface LineReading {
  epochMs?: number;
  isCall: boolean;
}

const NEWLINE = Buffer.from('\n');

/** Only ASCII whitespace: such a line carries nothing, and the service skips it too. */
export function isBlank(line: Buffer): boolean {
  for (let i = 0; i < line.length; i++) if (line[i] > 32) return false;
  return true;
}

/**
 * Applies --from and counts a chunk's calls and months. A line whose instant cannot be read is
 * sent anyway: the service reports it, so nothing is dropped without a word.
 */
export function prepareChunk(chunk: LineChunk, select: Selection, read: (line: Buffer) => LineReading): PreparedChunk {
  const prepared: PreparedChunk = { chunk, body: null, sent: 0, skipped: 0, calls: 0, months: new Set() };
  let parts: Buffer[] | undefined;
  chunk.lines.forEach((line, i) => {
    if (isBlank(line)) {
      parts?.push(line);
      return;
    }
    const { epochMs, isCall } = read(line);
    if (epochMs !== undefined && select.fromMs !== undefined && epochMs < select.fromMs) {
      prepared.skipped++;
      parts ??= chunk.lines.slice(0, i);
      parts.push(line[line.length - 1] === 10 ? NEWLINE : Buffer.alloc(0));
      return;
    }
    parts?.push(line);
    prepared.sent++;
    if (isCall) prepared.calls++;
    if (epochMs !== undefined) prepared.months.add(select.months.of(epochMs));
  });
  if (prepared.sent > 0) prepared.body = Buffer.concat(parts ?? chunk.lines);
  return prepared;
}
