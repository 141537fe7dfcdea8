import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AdapterResult } from '../adapters/adapter-result';
import { IngestCallEvents, type IngestResult } from '../ingest/ingest-call-events';
import { CallEventStore, type EventSource } from '../store/call-event.store';

export interface ImportReport extends IngestResult {
  counts: Record<string, number>;
  ignored: AdapterResult['ignored'];
  unparseable: AdapterResult['unparseable'];
  agentStates: { accepted: number; duplicates: number };
}

const CHUNK = 5_000;

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

  async execute(result: AdapterResult, source: EventSource): Promise<ImportReport> {
    const report: ImportReport = {
      accepted: 0,
      duplicates: 0,
      rejected: [],
      counts: result.counts,
      ignored: result.ignored,
      unparseable: result.unparseable,
      agentStates: { accepted: 0, duplicates: 0 },
    };
    for (let i = 0; i < result.events.length; i += CHUNK) {
      const r = await this.ingest.execute(result.events.slice(i, i + CHUNK), source);
      report.accepted += r.accepted;
      report.duplicates += r.duplicates;
      report.rejected.push(...r.rejected.map((x) => ({ ...x, index: x.index + i })));
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
