import { Injectable } from '@nestjs/common';
import { SUBJECTS } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { detectCallAlerts, isLive } from '../domain/alert-rules';
import { closeByTimeout, deriveCallFacts, factsHash } from '../domain/derive-call-facts';
import { toIsoUtc } from '../domain/iso-instant';
import { AlertRaiser } from '../alerts/alert-raiser';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallEventStore } from '../store/call-event.store';
import { CallFactsStore, type StoredFacts } from '../store/call-facts.store';
import { summarizedEventId, toSummarizedEvent } from './to-summarized-event';

export const SUMMARIZER_BATCH = 500;
const POLL_MS = 250;

/**
 * Derives the facts of calls marked dirty, in batches. A call whose facts changed gets the next
 * version, published through the outbox as `telephony.call.summarized`, and its new alerts are
 * raised once each. Facts that did not change publish nothing, so duplicates and replays are quiet.
 */
@Injectable()
export class CallSummarizer extends BackgroundWorker {

  constructor(
    private readonly scope: TransactionScope,
    private readonly dirty: CallDirtyQueue,
    private readonly events: CallEventStore,
    private readonly facts: CallFactsStore,
    private readonly alerts: AlertRaiser,
    private readonly policy: TelephonyPolicyStore,
    private readonly outbox: OutboxWriter,
  ) {
    super(POLL_MS);
  }

  protected work(): Promise<number> {
    return this.drain();
  }

  /** Derives until nothing is dirty; returns how many calls were looked at. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.summarizeBatch();
      total += n;
      if (n < SUMMARIZER_BATCH) return total;
    }
  }

  async summarizeBatch(now = Date.now()): Promise<number> {
    return this.scope.run(async () => {
      const callIds = await this.dirty.claim(SUMMARIZER_BATCH);
      if (callIds.length === 0) return 0;
      const policy = await this.policy.current();
      const [eventsByCall, known] = await Promise.all([this.events.eventsOfCalls(callIds), this.facts.versions(callIds)]);
      const changed: StoredFacts[] = [];
      for (const callId of callIds) {
        const events = eventsByCall.get(callId);
        if (!events?.length) continue;
        const facts = closeByTimeout(deriveCallFacts(events, policy.values), now, policy.values);
        const hash = factsHash(facts);
        const prev = known.get(callId);
        if (prev?.hash === hash) continue;
        changed.push({ callId, version: (prev?.version ?? 0) + 1, hash, policyVersion: policy.version, facts });
      }
      await this.facts.save(changed);
      await this.outbox.add(
        ...changed.map((c) => ({
          subject: SUBJECTS.telephony.callSummarized,
          payload: toSummarizedEvent(c.facts, c.version, c.policyVersion),
          messageId: summarizedEventId(c.callId, c.version),
        })),
      );
      await this.alerts.raise(
        changed
          .filter((c) => isLive(c.facts.lastEventAt, now, policy.values))
          .flatMap((c) =>
            detectCallAlerts(c.facts, policy.values).map((draft) => ({ draft, callId: c.callId, occurredAt: toIsoUtc(c.facts.lastEventAt) })),
          ),
      );
      return callIds.length;
    });
  }

}
