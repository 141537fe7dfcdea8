import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AdapterResult } from '../adapters/adapter-result';
import { parseConnectCtrs } from '../adapters/amazon-connect-ctr';
import { mixMonitorFiles } from '../adapters/asterisk-queue-log';
import { readLineChunks } from '../adapters/line-reader';
import { IngestCallEvents } from '../ingest/ingest-call-events';
import { itemsFromBody } from '../ingest/request-items';
import { TelephonyErrors } from '../telephony.errors';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallEventStore, type EventSource } from '../store/call-event.store';
import { emptyReport, linesRead, pushCapped, type ImportReport } from './import-report';
import { parseQueueLogChunk } from './parse-queue-log-chunk';

export type { ImportReport } from './import-report';

/**
 * ~4,000 queue_log lines make ~5,000 events (one ingest slice): little heap at a time whatever the
 * file's size, and a few milliseconds of parsing between turns of the event loop.
 */
const QUEUE_LOG_LINES_PER_CHUNK = 4_000;
/**
 * …and at most ~1 M characters (2 MB of string): 4,000 lines at the policy's longest line would
 * otherwise be a 32 M-character chunk, a quarter of the deployed heap in one string.
 */
const QUEUE_LOG_CHARS_PER_CHUNK = 1_000_000;
/** Lets health checks and other requests in between chunks (a log of garbage never awaits the database). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stores what an adapter made of a file: its call events through the ordinary ingest (in chunks,
 * each durable on its own, so a huge log never becomes one giant transaction) and its agent-state
 * lines. Event ids are deterministic, so uploading the same file twice adds nothing.
 */
@Injectable()
export class ImportAdapterResult {
  constructor(
    private readonly ingest: IngestCallEvents,
    private readonly events: CallEventStore,
    private readonly scope: TransactionScope,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  /**
   * An Asterisk queue_log as its bytes arrive, parsed and stored a chunk of lines at a time, so the
   * heap holds one chunk whatever the upload's size; line numbers stay those of the file.
   */
  async importQueueLog(bytes: AsyncIterable<Uint8Array>): Promise<ImportReport> {
    const report = emptyReport();
    const { values } = await this.policy.current();
    const maxLineLength = values.queueLogMaxLineLength;
    const mixMonitor = mixMonitorFiles(values.asteriskMixMonitor);
    for await (const chunk of readLineChunks(bytes, { linesPerChunk: QUEUE_LOG_LINES_PER_CHUNK, charsPerChunk: QUEUE_LOG_CHARS_PER_CHUNK, maxLineLength })) {
      await this.execute(parseQueueLogChunk(chunk, maxLineLength, mixMonitor), 'asterisk', report);
      await yieldToEventLoop();
    }
    if (linesRead(report) === 0) throw TelephonyErrors.bodyNotQueueLog();
    return report;
  }

  /** Amazon Connect CTRs, a JSON array or NDJSON, refused past the policy's record cap before they are read. */
  async importConnectCtrs(body: unknown): Promise<ImportReport> {
    const { values } = await this.policy.current();
    const parsed = itemsFromBody(body, 'records', values.maxCtrRecordsPerRequest);
    if ('error' in parsed) throw TelephonyErrors.bodyNotRecords(parsed.error);
    if ('tooMany' in parsed) throw TelephonyErrors.tooManyRecords(values.maxCtrRecordsPerRequest, parsed.tooMany);
    const result = parseConnectCtrs(parsed.items, { maxDepth: values.ctrMaxDepth });
    const unreadable = parsed.unreadable.map((u) => ({ line: u.index + 1, reason: u.errors[0].message }));
    result.unparseable = [...unreadable, ...result.unparseable].sort((a, b) => a.line - b.line);
    return this.execute(result, 'connect');
  }

  async execute(result: AdapterResult, source: EventSource, report: ImportReport = emptyReport()): Promise<ImportReport> {
    const { values } = await this.policy.current();
    const cap = values.problemsListed;
    const chunkSize = values.maxEventsPerRequest;
    for (const [verb, n] of Object.entries(result.counts)) report.counts[verb] = (report.counts[verb] ?? 0) + n;
    pushCapped(report.ignored, result.ignored, cap);
    report.ignoredCount += result.ignored.length;
    pushCapped(report.unparseable, result.unparseable, cap);
    report.unparseableCount += result.unparseable.length;
    const indexBase = report.accepted + report.duplicates + report.rejectedCount;
    for (let i = 0; i < result.events.length; i += chunkSize) {
      const r = await this.ingest.execute(result.events.slice(i, i + chunkSize), source);
      report.accepted += r.accepted;
      report.duplicates += r.duplicates;
      report.rejectedCount += r.rejected.length;
      pushCapped(report.rejected, r.rejected.map((x) => ({ ...x, index: x.index + i + indexBase })), cap);
    }
    for (let i = 0; i < result.agentStates.length; i += chunkSize) {
      const chunk = result.agentStates.slice(i, i + chunkSize);
      const stored = await this.scope.run(() => this.events.appendAgentStates(chunk, source));
      report.agentStates.accepted += stored;
      report.agentStates.duplicates += chunk.length - stored;
    }
    return report;
  }
}
