import { ctrArrayChunks, ctrInstant, readCtrLine } from '../../scripts/import-history/ctr-records';
import { parseImportOptions, UsageError } from '../../scripts/import-history/import-options';
import { monthStart, MonthOfInstant } from '../../scripts/import-history/month-of-instant';
import { backoffMs, outcomeOf } from '../../scripts/import-history/post-outcome';
import { postWithRetries } from '../../scripts/import-history/post-with-retries';
import { prepareChunk } from '../../scripts/import-history/prepared-chunk';
import { progressLine, summaryLines } from '../../scripts/import-history/progress';
import { readQueueLogLine } from '../../scripts/import-history/queue-log-line';
import { emptyTotals } from '../../scripts/import-history/checkpoint';

const lines = (...xs: string[]) => xs.map((x) => Buffer.from(x));
// 2026-10-31 23:59:50 and 2026-11-01 00:00:10 in Shanghai.
const OCT = 1_793_462_390;
const NOV = 1_793_462_410;

describe('what a chunk sends', () => {
  it('reads a queue_log line: epoch and whether it is ENTERQUEUE', () => {
    expect(readQueueLogLine(Buffer.from(`${OCT}|c1|sales|NONE|ENTERQUEUE||138|1\n`))).toEqual({ epochMs: OCT * 1000, isCall: true });
    expect(readQueueLogLine(Buffer.from(`${OCT}|c1|sales|NONE|ENTERQUEUEX|\n`))).toEqual({ epochMs: OCT * 1000, isCall: false });
    expect(readQueueLogLine(Buffer.from(`\uFEFF${OCT}|c1|sales|SIP/1|CONNECT|1|x|1\r\n`))).toEqual({ epochMs: OCT * 1000, isCall: false });
    expect(readQueueLogLine(Buffer.from('junk|x\n'))).toEqual({ epochMs: undefined, isCall: false });
  });

  it('skips lines before --from by blanking them (line numbers kept), counts calls and months', () => {
    const chunk = {
      lines: lines(`${OCT}|c1|q|NONE|ENTERQUEUE||1|1\n`, '\n', `${NOV}|c2|q|NONE|ENTERQUEUE||1|1\r\n`, 'not a line\n', `${NOV}|c2|q|NONE|ABANDON|1|1|3`),
      startOffset: 0, endOffset: 0, firstLine: 1, overlong: [],
    };
    const months = new MonthOfInstant('Asia/Shanghai');
    const all = prepareChunk(chunk, { months }, readQueueLogLine);
    expect(all).toMatchObject({ sent: 4, skipped: 0, calls: 2, months: new Set(['2026-10', '2026-11']) });
    expect(all.body!.equals(Buffer.concat(chunk.lines))).toBe(true);
    const fromMs = (monthStart('2026-11', 'Asia/Shanghai') as { epochMs: number }).epochMs;
    const fromNov = prepareChunk(chunk, { months, fromMs }, readQueueLogLine);
    expect(fromNov).toMatchObject({ sent: 3, skipped: 1, calls: 1, months: new Set(['2026-11']) });
    expect(fromNov.body!.toString().split('\n')).toHaveLength(5);
    expect(fromNov.body!.toString().startsWith('\n\n')).toBe(true);
    expect(prepareChunk({ ...chunk, lines: lines('\n', '  \n') }, { months }, readQueueLogLine).body).toBeNull();
  });

  it('reads CTRs: one call each, their instant, and a JSON array cut into NDJSON batches', () => {
    const ctr = { ContactId: 'c1', InitiationTimestamp: '2026-10-31T15:59:50Z' };
    expect(readCtrLine(Buffer.from(`${JSON.stringify(ctr)}\n`))).toEqual({ epochMs: Date.parse(ctr.InitiationTimestamp), isCall: true });
    expect(readCtrLine(Buffer.from('{oops\n'))).toEqual({ isCall: true });
    expect(ctrInstant({ Queue: { EnqueueTimestamp: '2026-10-01T00:00:00Z' } })).toBe(Date.parse('2026-10-01T00:00:00Z'));
    const records = Array.from({ length: 2_500 }, (_, i) => ({ ContactId: `c${i}` }));
    const batches = [...ctrArrayChunks(records, { maxLines: 1_000, maxBytes: 1 << 20 }, 1_001)];
    expect(batches.map((b) => [b.firstLine, b.lines.length])).toEqual([[1_001, 1_000], [2_001, 500]]);
    expect(JSON.parse(batches[1].lines[0].toString())).toEqual({ ContactId: 'c2000' });
  });
});

describe('answers and retries', () => {
  it('classifies the service’s answers', () => {
    const report = { accepted: 5, duplicates: 2, rejected: [], rejectedCount: 1, unparseableCount: 3, agentStates: { accepted: 1, duplicates: 1 } };
    expect(outcomeOf({ status: 202, body: report })).toEqual({ kind: 'stored', report: { accepted: 5, duplicates: 2, rejected: 1, unparseable: 3, agentStates: 2 } });
    expect(outcomeOf({ status: 400, body: { error: 'TELEPHONY.EVENTS_REJECTED', message: 'Nothing', ...report, accepted: 0, duplicates: 0 } })).toMatchObject({ kind: 'refused', report: { unparseable: 3 } });
    expect(outcomeOf({ status: 400, body: { error: 'TELEPHONY.BODY_NOT_QUEUE_LOG', message: 'm' } })).toEqual({ kind: 'fail', code: 'TELEPHONY.BODY_NOT_QUEUE_LOG', message: 'm' });
    expect(outcomeOf({ status: 401, body: '<html>' })).toEqual({ kind: 'fail', code: 'HTTP_401', message: 'HTTP 401' });
    for (const status of [429, 502, 503, 504]) expect(outcomeOf({ status, body: {} }).kind).toBe('retry');
    expect([1, 2, 3, 10].map((a) => backoffMs(a))).toEqual([500, 1_000, 2_000, 30_000]);
    expect(backoffMs(1, 5_000)).toBe(5_000);
  });

  it('retries network errors and 503 with backoff, then stops after --retries', async () => {
    const waits: number[] = [];
    const answers = [() => Promise.reject(new Error('ECONNREFUSED')), () => Promise.resolve({ status: 503, body: {} }), () => Promise.resolve({ status: 202, body: { accepted: 1 } })];
    let n = 0;
    const ok = await postWithRetries(() => answers[n++](), { retries: 8, onRetry: (_a, _r, ms) => waits.push(ms), sleep: async () => undefined });
    expect(ok).toMatchObject({ kind: 'stored', report: { accepted: 1 } });
    expect(waits).toEqual([500, 1_000]);
    const gaveUp = await postWithRetries(() => Promise.resolve({ status: 502, body: {} }), { retries: 2, onRetry: () => undefined, sleep: async () => undefined });
    expect(gaveUp).toMatchObject({ kind: 'fail', code: 'IMPORT.RETRIES_EXHAUSTED' });
  });
});

describe('options and progress', () => {
  it('parses the command line; usage problems are UsageErrors', () => {
    const o = parseImportOptions(['--queue-log', 'q.log', '--from', '2025-12', '--chunk-lines', '300'], { DEV_PORT_BASE: '4000' });
    expect(o).toMatchObject({ kind: 'queue-log', telephonyUrl: 'http://127.0.0.1:4001', chunkLines: 300, chunkBytes: 8 * 1048576, retries: 8, restart: false, from: { month: '2025-12' } });
    expect(o.statePath).toBe(`${o.file}.import-state.json`);
    expect(o.from!.epochMs).toBe(Date.parse('2025-11-30T16:00:00Z'));
    for (const bad of [[], ['--queue-log', 'a', '--ctr', 'b'], ['--ctr', 'a', '--from', '2025-1'], ['--ctr', 'a', '--chunk-lines', '0'], ['--ctr', 'a', '--what'], ['--ctr', 'a', '--time-zone', 'Mars/Base']]) {
      expect(() => parseImportOptions(bad, {})).toThrow(UsageError);
    }
  });

  it('prints progress and the summary with the months touched', () => {
    expect(progressLine({ fraction: 0.5, fractionAtStart: 0.25, lines: 12_345, calls: 1_000, eventsThisRun: 20_000, elapsedMs: 10_000 }))
      .toBe('import: 50.0%  12,345 lines  2,000 events/s  1,000 calls  ETA 20s');
    const summary = summaryLines({ ...emptyTotals(), lines: 10, eventsAccepted: 7, calls: 2, months: ['2026-10', '2026-11'] }, { wallMs: 2_000, eventsThisRun: 7 });
    expect(summary.join('\n')).toMatch(/months touched.*2026-10, 2026-11.*revisions.*provisional/);
  });
});
