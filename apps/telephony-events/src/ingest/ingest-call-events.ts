import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { validateCallEvents, type RejectedEvent } from '../domain/validate-call-event';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallEventStore, type EventSource } from '../store/call-event.store';
import { IngestRejectionLog } from '../store/ingest-rejection.log';
import { CallSummarizer } from '../summarize/call-summarizer';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

/**
 * Validates a batch, stores the valid events append-only (idempotent on eventId) and marks their
 * calls for derivation, all in one transaction: once this returns, the events are durable.
 */
@Injectable()
export class IngestCallEvents {
  constructor(
    private readonly scope: TransactionScope,
    private readonly events: CallEventStore,
    private readonly dirty: CallDirtyQueue,
    private readonly rejections: IngestRejectionLog,
    private readonly summarizer: CallSummarizer,
  ) {}

  async execute(items: unknown[], source: EventSource, preRejected: RejectedEvent[] = []): Promise<IngestResult> {
    const { valid, rejected } = validateCallEvents(items);
    // An unreadable NDJSON line is already reported with its parse error; validation would only repeat it.
    const pre = new Set(preRejected.map((r) => r.index));
    const allRejected = [...preRejected, ...rejected.filter((r) => !pre.has(r.index))].sort((a, b) => a.index - b.index);
    const fresh = await this.scope.run(async () => {
      const stored = await this.events.append(valid, source);
      await this.dirty.mark([...new Set(valid.filter((e) => stored.has(e.eventId)).map((e) => e.callId))]);
      await this.rejections.record(source, allRejected, items);
      this.scope.afterCommit(() => this.summarizer.kick());
      return stored.size;
    });
    return { accepted: fresh, duplicates: valid.length - fresh, rejected: allRejected };
  }
}
