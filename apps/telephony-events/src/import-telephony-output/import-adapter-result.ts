import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AdapterResult } from '../adapters/adapter-result';
import { parseQueueLog } from '../adapters/asterisk-queue-log';
import { lineChunks } from '../adapters/line-chunks';
import { IngestCallEvents, type IngestResult } from '../ingest/ingest-call-events';
import { CallEventStore, type EventSource } from '../store/call-event.store';

export interface ImportReport extends IngestResult {
  counts: Record<string, number>;
  ignored: AdapterResult['ignored'];
  unparseable: AdapterResult['unparseable'];
  agentStates: { accepted: number; duplicates: number };
}

const CHUNK = 5_000;
/** ~20,000 queue_log lines make ~25,000 events: a few MB of heap at a time, whatever the file's size. */
const QUEUE_LOG_LINES_PER_CHUNK = 20_000;

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
  ) {}

  /** An Asterisk queue_log, parsed and stored a chunk of lines at a time; line numbers stay those of the file. */
  async importQueueLog(text: string): Promise<ImportReport> {
    const report = emptyReport();
    for (const chunk of lineChunks(text, QUEUE_LOG_LINES_PER_CHUNK)) {
      const result = parseQueueLog(chunk.text);
      const offset = chunk.firstLine - 1;
      result.ignored = result.ignored.map((i) => ({ ...i, line: i.line + offset }));
      result.unparseable = result.unparseable.map((u) => ({ ...u, line: u.line + offset }));
      await this.execute(result, 'asterisk', report);
    }
    return report;
  }

  async execute(result: AdapterResult, source: EventSource, report: ImportReport = emptyReport()): Promise<ImportReport> {
    for (const [verb, n] of Object.entries(result.counts)) report.counts[verb] = (report.counts[verb] ?? 0) + n;
    report.ignored.push(...result.ignored);
    report.unparseable.push(...result.unparseable);
    const indexBase = report.accepted + report.duplicates + report.rejected.length;
    for (let i = 0; i < result.events.length; i += CHUNK) {
      const r = await this.ingest.execute(result.events.slice(i, i + CHUNK), source);
      report.accepted += r.accepted;
      report.duplicates += r.duplicates;
      report.rejected.push(...r.rejected.map((x) => ({ ...x, index: x.index + i + indexBase })));
    }
    for (let i = 0; i < result.agentStates.length; i += CHUNK) {
      const chunk = result.agentStates.slice(i, i + CHUNK);
      const stored = await this.scope.run(() => this.events.appendAgentStates(chunk, source));
      report.agentStates.accepted += stored;
      report.agentStates.duplicates += chunk.length - stored;
    }
    return report;
  }
}

function emptyReport(): ImportReport {
  return { accepted: 0, duplicates: 0, rejected: [], counts: {}, ignored: [], unparseable: [], agentStates: { accepted: 0, duplicates: 0 } };
}
