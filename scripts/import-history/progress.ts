import type { ImportTotals } from './checkpoint';

export interface ProgressSnapshot {
  /** Share of the file done (bytes; records for a JSON array), 0–1. */
  fraction: number;
  /** Where this run started, 0–1: the rate and ETA are this run's, not the crashed one's. */
  fractionAtStart: number;
  lines: number;
  calls: number;
  /** Events the service answered for in this run (stored, duplicate or rejected). */
  eventsThisRun: number;
  elapsedMs: number;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function eventsPerSecond(events: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (events * 1000) / elapsedMs : 0;
}

/** Time left at this run's pace so far; undefined until there is a pace. */
export function etaMs(s: ProgressSnapshot): number | undefined {
  const done = s.fraction - s.fractionAtStart;
  if (done <= 0 || s.elapsedMs <= 0) return undefined;
  return ((1 - s.fraction) * s.elapsedMs) / done;
}

function figures(s: ProgressSnapshot): string {
  const eta = etaMs(s);
  return `${int(s.lines)} lines  ${int(eventsPerSecond(s.eventsThisRun, s.elapsedMs))} events/s  ${int(s.calls)} calls  ETA ${eta === undefined ? '?' : duration(eta)}`;
}

/** One line for a log (stderr not a terminal). */
export function progressLine(s: ProgressSnapshot): string {
  return `import: ${(s.fraction * 100).toFixed(1)}%  ${figures(s)}`;
}

/** The bar redrawn in place on a terminal. */
export function progressBar(s: ProgressSnapshot, width = 30): string {
  const filled = Math.min(width, Math.floor(s.fraction * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(s.fraction * 100).toFixed(1).padStart(5)}%  ${figures(s)}`;
}

/**
 * The closing account. Months touched go through the normal scoring path: a month already closed
 * is re-scored as a revision, an open one stays provisional until someone closes it.
 */
export function summaryLines(t: ImportTotals, run?: { wallMs: number; eventsThisRun: number }): string[] {
  const months = t.months.length > 0 ? t.months.join(', ') : 'none';
  const lines = [
    `lines: ${int(t.lines)} (${int(t.linesSkipped)} before --from, ${int(t.linesRefused)} in refused requests, ${int(t.linesUnparseable)} unparseable)`,
    `events: ${int(t.eventsAccepted)} accepted, ${int(t.eventsDuplicate)} already stored, ${int(t.eventsRejected)} rejected; agent states ${int(t.agentStates)}`,
    `calls: ${int(t.calls)}   requests: ${int(t.requests)}`,
    `months touched / 涉及月份: ${months} — closed ones are re-scored as revisions, open ones stay provisional until closed`,
  ];
  if (run) lines.push(`this run: ${duration(run.wallMs)} wall, ${int(run.eventsThisRun)} events, ${int(eventsPerSecond(run.eventsThisRun, run.wallMs))} events/s`);
  return lines;
}

interface Out {
  write(text: string): unknown;
}

/** A bar on a terminal (redrawn at most 5 times a second), else a line every 5 s. */
export class ProgressReporter {
  private lastAt = -Infinity;
  private barShown = false;
  private lastLine = '';

  constructor(
    private readonly out: Out,
    private readonly tty: boolean,
    private readonly now: () => number = Date.now,
    private readonly everyMs = tty ? 200 : 5_000,
  ) {}

  update(s: ProgressSnapshot, force = false): void {
    if (!force && this.now() - this.lastAt < this.everyMs) return;
    this.lastAt = this.now();
    if (this.tty) {
      this.out.write(`\r${progressBar(s)}\x1b[K`);
      this.barShown = true;
      return;
    }
    const line = progressLine(s);
    if (line !== this.lastLine) this.out.write(`${line}\n`);
    this.lastLine = line;
  }

  /** Leaves the last bar on screen and moves below it. */
  finish(): void {
    if (this.barShown) this.out.write('\n');
    this.barShown = false;
  }

  /** A message of its own line (a retry, the summary), without tearing the bar. */
  say(text: string): void {
    if (this.barShown) this.out.write('\r\x1b[K');
    this.barShown = false;
    this.out.write(`${text}\n`);
  }
}
