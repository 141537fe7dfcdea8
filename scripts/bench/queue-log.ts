/**
 * npm run bench:queue-log [-- LINES [ROUNDS]]
 * Times parseQueueLog (apps/telephony-events/src/adapters/asterisk-queue-log.ts) over a realistic
 * in-memory Asterisk queue_log of LINES lines (default 1,000,000), and in the same run a bare
 * split-lines-and-split-fields loop over the same text, as the plain baseline. Prints medians.
 */
import { parseQueueLog } from '../../apps/telephony-events/src/adapters/asterisk-queue-log';
import { fmt, median } from './bench-util';
import { generateQueueLog } from './ingest/queue-log-text';

const LINES = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 3);

/** The plain baseline: split into lines, split each line into its fields. */
function bareSplit(text: string): number {
  let fields = 0;
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    fields += line.split('|').length;
  }
  return fields;
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = work();
  return { ms: performance.now() - t0, result };
}

function main(): void {
  const { ms: genMs, result: text } = timed(() => generateQueueLog(LINES));
  process.stdout.write(`generated ${fmt(LINES)} queue_log lines (${fmt(text.length / 1e6, 1)} MB) in ${fmt(genMs)} ms\n`);
  // Warm both up on a slice so the first round does not time the JIT alone.
  const warm = text.slice(0, text.indexOf('\n', 2_000_000));
  parseQueueLog(warm);
  bareSplit(warm);

  const parseRates: number[] = [];
  const bareRates: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const first = timed(() => parseQueueLog(text));
  global.gc?.();
  const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  for (let round = 0; round < ROUNDS; round++) {
    const parseMs = round === 0 ? first.ms : timed(() => parseQueueLog(text).events.length).ms;
    global.gc?.();
    const bareMs = timed(() => bareSplit(text)).ms;
    parseRates.push(LINES / (parseMs / 1000));
    bareRates.push(LINES / (bareMs / 1000));
    process.stdout.write(`round ${round + 1}: parseQueueLog ${fmt(parseRates[round])} lines/s (${fmt(parseMs)} ms), bare split ${fmt(bareRates[round])} lines/s (${fmt(bareMs)} ms)\n`);
  }
  const r = first.result;
  const verbs = Object.entries(r.counts).sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${fmt(n)}`).join(', ');
  const p = median(parseRates);
  const b = median(bareRates);
  process.stdout.write(
    [
      `bench:queue-log  ${fmt(LINES)} lines, ${ROUNDS} rounds, 2-core machine (medians)`,
      `  verbs: ${verbs}`,
      `  parseQueueLog → ${fmt(r.events.length)} call events, ${fmt(r.agentStates.length)} agent states, ${fmt(r.ignored.length)} ignored, ${fmt(r.unparseable.length)} unparseable`,
      `  parseQueueLog:                      ${fmt(p)} lines/s`,
      `  bare split lines + split fields:    ${fmt(b)} lines/s`,
      `  ratio parseQueueLog / bare split: ${fmt(p / b, 2)}`,
      global.gc ? `  heap held by one parse result: ${fmt(heldMb)} MB (for ${fmt(text.length / 1e6, 1)} MB of text)` : '',
    ].filter(Boolean).join('\n') + '\n',
  );
}

main();
