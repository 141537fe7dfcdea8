import { Injectable } from '@nestjs/common';
import { SUBJECTS, type CallSummarizedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { inTurn, TransactionScope } from '@app/persistence';
import { BackgroundWorker } from '@app/platform';
import { detectCallAlerts, isLive } from '../domain/alerts/alert-rules';
import { derivationFailedAlert } from '../domain/alerts/derivation-failed-alert';
import { closeByTimeout, deriveCallFacts, factsHash } from '../domain/facts/derive-call-facts';
import { toIsoUtc } from '../domain/events/iso-instant';
import type { TelephonyPolicy } from '../domain/telephony-policy';
import { AlertRaiser } from '../alerts/alert-raiser';
import { TelephonyPolicyStore, type ActivePolicy } from '../policy/telephony-policy.store';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallLookupsPlanner } from '../store/call-lookups.planner';
import { CallEventStore } from '../store/call-event.store';
import { CallFactsStore, type StoredFacts, type StoredVersion } from '../store/call-facts.store';
import { DerivationFailures } from '../store/derivation-failures';
import type { DerivationSignal } from '../store/derivation-signal';
import { TelephonySettings } from '../telephony-settings';
import { toSummarizedEvent } from './to-summarized-event';

/**
 * A call waits for its whole batch: 250 calls keep that under a third of a second at the rates measured
 * (bench:ingest at saturation, with derivationBacklogCalls 300: p99 POST → fact 2.1 → 1.2 s against
 * 500 and 1,000) for the same rate.
 */
export const SUMMARIZER_BATCH = 250;
const POLL_MS = 250;

interface Failed { callId: string; error: string }

/** A call's next version, and the payload that publishes it (built once: its size is checked before the save). */
interface Derived { facts: StoredFacts; payload: CallSummarizedEvent }

class FactTooLargeError extends Error {
  override name = 'FactTooLargeError';
}

/** Cheap bound first (ids dominate a big fact): only a call that might be too large is serialised to measure it. */
const mayExceed = (f: { sourceEventIds: string[]; legs: unknown[] }, max: number): boolean =>
  f.sourceEventIds.reduce((n, id) => n + id.length, 0) * 2 + f.legs.length * 1_000 > max / 2;
const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Derives the facts of calls marked dirty, in batches. A call whose facts changed gets the next
 * version, published through the outbox as `telephony.call.summarized`, and its new alerts are
 * raised once each. Facts that did not change publish nothing, so duplicates and replays are quiet.
 *
 * A call whose derivation throws never holds up the others: it is retried on later passes and,
 * after the policy's number of attempts, set aside (kept, listed, alerted) until someone retries it.
 * When a whole batch fails to commit, its calls are derived one by one to find the culprit.
 */
@Injectable()
export class CallSummarizer extends BackgroundWorker implements DerivationSignal {
  constructor(
    private readonly scope: TransactionScope,
    private readonly dirty: CallDirtyQueue,
    private readonly events: CallEventStore,
    private readonly facts: CallFactsStore,
    private readonly alerts: AlertRaiser,
    private readonly policy: TelephonyPolicyStore,
    private readonly outbox: OutboxWriter,
    private readonly failures: DerivationFailures,
    private readonly settings: TelephonySettings,
    private readonly planner: CallLookupsPlanner,
  ) {
    super(POLL_MS);
  }

  notify(): void {
    this.kick();
  }

  protected work(): Promise<number> {
    return this.drain();
  }

  /**
   * Derives until nothing is dirty; returns how many calls were looked at. Several lanes claim
   * batches at once (SKIP LOCKED keeps them apart, as it does separate instances): while one waits
   * on PostgreSQL another derives, so the process and the database each keep a core busy.
   */
  async drain(): Promise<number> {
    const lanes = Array.from({ length: this.settings.summarizerLanes }, () => this.drainLane());
    return (await Promise.all(lanes)).reduce((a, n) => a + n, 0);
  }

  private async drainLane(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.summarizeBatch();
      total += n;
      if (n < SUMMARIZER_BATCH) return total;
    }
  }

  async summarizeBatch(now = Date.now()): Promise<number> {
    let claimed: string[] = [];
    try {
      return await this.scope.run(async () => {
        claimed = await this.dirty.claim(SUMMARIZER_BATCH);
        if (claimed.length > 0) await this.derive(claimed, now);
        return claimed.length;
      });
    } catch (error) {
      if (claimed.length === 0) throw error; // nothing claimed: not a call's fault (database down…)
      for (const callId of claimed) await this.deriveAlone(callId, now);
      return claimed.length;
    }
  }

  private async deriveAlone(callId: string, now: number): Promise<void> {
    try {
      await this.scope.run(async () => {
        const claimed = await this.dirty.claimCalls([callId]);
        if (claimed.length > 0) await this.derive(claimed, now);
      });
    } catch (error) {
      const policy = await this.policy.current();
      await this.scope.run(() => this.noteFailures([{ callId, error: describe(error) }], policy.values, now));
    }
  }

  private async derive(callIds: string[], now: number): Promise<void> {
    const policy = await this.policy.current();
    await this.planner.byIndex();
    const setAside = await this.failures.setAsideAmong(callIds);
    const live = callIds.filter((id) => !setAside.has(id));
    const [eventsByCall, known] = await inTurn(() => this.events.eventsOfCalls(live), () => this.facts.versions(live));
    const changed: Derived[] = [];
    const failed: Failed[] = [];
    for (const callId of live) {
      const events = eventsByCall.get(callId);
      if (!events?.length) continue;
      try {
        const next = this.deriveOne(callId, events, known.get(callId), policy, now);
        if (next) changed.push(next);
      } catch (error) {
        failed.push({ callId, error: describe(error) });
      }
    }
    await this.publish(changed, policy.values, now);
    const failedIds = new Set(failed.map((f) => f.callId));
    await this.failures.forget(live.filter((id) => !failedIds.has(id)));
    await this.noteFailures(failed, policy.values, now);
  }

  private deriveOne(
    callId: string, events: Parameters<typeof deriveCallFacts>[0], prev: StoredVersion | undefined, policy: ActivePolicy, now: number,
  ): Derived | null {
    const facts = closeByTimeout(deriveCallFacts(events, policy.values), now, policy.values);
    const hash = factsHash(facts);
    if (prev?.hash === hash) return null;
    // The published payload is built here too, so a call whose facts cannot be published fails alone.
    const payload = toSummarizedEvent(facts, (prev?.version ?? 0) + 1, policy.version);
    if (mayExceed(facts, policy.values.maxFactBytes)) {
      const bytes = Buffer.byteLength(JSON.stringify(payload));
      if (bytes > policy.values.maxFactBytes) throw new FactTooLargeError(`the fact is ${bytes} bytes, over the ${policy.values.maxFactBytes}-byte limit of one message`);
    }
    return {
      facts: { callId, version: (prev?.version ?? 0) + 1, hash, policyVersion: policy.version, facts, ...(prev ? { stored: { firstEventAt: prev.firstEventAt, open: prev.open } } : {}) },
      payload,
    };
  }

  private async publish(changed: Derived[], values: TelephonyPolicy, now: number): Promise<void> {
    await this.facts.save(changed.map((c) => c.facts));
    await this.outbox.add(
      ...changed.map(({ payload }) => ({ subject: SUBJECTS.telephony.callSummarized, payload, messageId: payload.eventId })),
    );
    await this.alerts.raise(
      changed
        .map((c) => c.facts)
        .filter((c) => isLive(c.facts.lastEventAt, now, values))
        .flatMap((c) => detectCallAlerts(c.facts, values).map((draft) => ({ draft, callId: c.callId, occurredAt: toIsoUtc(c.facts.lastEventAt) }))),
    );
  }

  /** Below the limit a failed call is marked again (retried on a later pass); at it, set aside and alerted. */
  private async noteFailures(failed: Failed[], values: TelephonyPolicy, now: number): Promise<void> {
    for (const { callId, error } of failed) {
      const row = await this.failures.recordFailure(callId, error, values.derivationMaxAttempts);
      if (row.setAsideAt === null) {
        await this.dirty.mark([callId]);
        continue;
      }
      const draft = derivationFailedAlert(callId, row.attempts, row.lastError, row.timesSetAside);
      await this.alerts.raise([{ draft, callId, occurredAt: toIsoUtc(now) }]);
    }
  }
}
