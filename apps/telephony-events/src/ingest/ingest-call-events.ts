import { Injectable, Logger } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { validateCallEvents, type RejectedEvent } from '../domain/events/validate-call-event';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallEventStore, type EventSource } from '../store/call-event.store';
import { IngestRejectionLog } from '../store/ingest-rejection.log';
import { DerivationSignal } from '../store/derivation-signal';
import { TelephonyErrors } from '../telephony.errors';
import { IngestAdmission } from './ingest-admission';
import { itemsFromBody } from './request-items';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

/**
 * Validates a batch against the active policy, stores the valid events append-only (idempotent
 * on eventId) and marks their calls for derivation, all in one transaction: once this returns,
 * the events are durable. Every entry point (HTTP, NATS, adapters) comes through here, so each
 * gets the same size cap and rules. Rejections are kept in a transaction of their own: nothing a
 * rejected item holds can cost the accepted ones. While derivation is behind, it waits first (IngestAdmission).
 */
@Injectable()
export class IngestCallEvents {
  private readonly logger = new Logger(IngestCallEvents.name);

  constructor(
    private readonly scope: TransactionScope,
    private readonly events: CallEventStore,
    private readonly dirty: CallDirtyQueue,
    private readonly rejections: IngestRejectionLog,
    private readonly policy: TelephonyPolicyStore,
    private readonly derivation: DerivationSignal,
    private readonly admission: IngestAdmission,
  ) {}

  /** A request body: a JSON array, or NDJSON text (refused past the cap before its lines are parsed). */
  async executeBody(body: unknown, source: EventSource): Promise<IngestResult> {
    const { values } = await this.policy.current();
    const parsed = itemsFromBody(body, 'events', values.maxEventsPerRequest);
    if ('error' in parsed) throw TelephonyErrors.bodyNotEvents(parsed.error);
    if ('tooMany' in parsed) throw TelephonyErrors.tooManyEvents(values.maxEventsPerRequest, parsed.tooMany);
    return this.execute(parsed.items, source, parsed.unreadable);
  }

  async execute(items: unknown[], source: EventSource, preRejected: RejectedEvent[] = [], now = Date.now()): Promise<IngestResult> {
    const { values } = await this.policy.current();
    if (items.length === 0) throw TelephonyErrors.noEvents();
    if (items.length > values.maxEventsPerRequest) throw TelephonyErrors.tooManyEvents(values.maxEventsPerRequest, items.length);
    const { valid, rejected } = validateCallEvents(items, { limits: values, now });
    // An unreadable NDJSON line is already reported with its parse error; validation would only repeat it.
    const pre = new Set(preRejected.map((r) => r.index));
    const allRejected = [...preRejected, ...rejected.filter((r) => !pre.has(r.index))].sort((a, b) => a.index - b.index);
    const limits = { backlogCalls: values.derivationBacklogCalls, waitMs: values.derivationBacklogWaitMs };
    const fresh = await this.admission.run(new Set(valid.map((e) => e.callId)).size, limits, () =>
      this.scope.run(async () => {
        const stored = await this.events.append(valid, source);
        await this.dirty.mark([...new Set(valid.filter((e) => stored.has(e.eventId)).map((e) => e.callId))]);
        this.scope.afterCommit(() => this.derivation.notify());
        return stored.size;
      }),
    );
    await this.keepRejections(source, allRejected, items);
    return { accepted: fresh, duplicates: valid.length - fresh, rejected: allRejected };
  }

  private async keepRejections(source: EventSource, rejected: RejectedEvent[], items: unknown[]): Promise<void> {
    try {
      await this.scope.run(() => this.rejections.record(source, rejected, items));
    } catch (error) {
      // The answer still reports every rejection; only the kept copy is missing.
      this.logger.warn(`could not keep ${rejected.length} rejected items: ${(error as Error).message}`);
    }
  }
}
