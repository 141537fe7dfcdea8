import { Logger } from '@nestjs/common';
import type { Consumer, ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { deadLetter } from './dead-letter';
import { describeError, isRetryable, NonRetryableMessageError } from './errors';
import type { Inbox } from './inbox/inbox';
import { JetStreamContext } from './jetstream.context';
import { messageIdOf } from './message-id';
import { messagingMetrics } from './metrics';
import { PayloadCheck } from './payload-check';
import { decideOnFailure, isBeyondLimit, type RetryPolicy } from './retry-policy';

export type MessageHandlerFn = (data: unknown, ctx: JetStreamContext) => Promise<void>;

export interface ConsumerRunnerOptions {
  service: string;
  durable: string;
  retry: RetryPolicy;
  /** Batches handled at once by this instance; handlers must not depend on order anyway. */
  concurrency: number;
  /** Messages pulled ahead of the handlers. */
  prefetch: number;
  /**
   * Most first deliveries handled in one transaction (only messages already pulled are grouped;
   * nothing waits to fill a batch). 1 for handlers with outside effects, e.g. sending a webhook.
   */
  maxBatch: number;
  /**
   * The handler takes the batch's new payloads as one array (set-based statements for all of them): it is called with
   * `[payload]` for a message handled alone (a redelivery, or the culprit hunt after a failed batch).
   */
  batchHandler?: boolean;
}

let sharedCheck: PayloadCheck | undefined;
/** One per process: its validators are compiled once per contract type, on first use. */
const payloadCheck = (): PayloadCheck => (sharedCheck ??= new PayloadCheck());

/**
 * Runs one durable pull consumer: pulls, hands messages to the handler inside an inbox
 * transaction, and acks only after that transaction committed. Failures nak with backoff; the
 * last allowed failure goes to the dead-letter subject. On stop it finishes what is in hand and
 * releases (naks) what it had pulled but not started.
 */
export class ConsumerRunner {
  private readonly logger: Logger;
  private messages?: ConsumerMessages;
  private stopping = false;
  private loop?: Promise<void>;
  private readonly queue: JsMsg[] = [];
  private active = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private spaceWaiter?: () => void;

  constructor(
    private readonly js: JetStreamClient,
    private readonly consumer: Consumer,
    private readonly handler: MessageHandlerFn,
    private readonly inbox: Inbox,
    private readonly options: ConsumerRunnerOptions,
  ) {
    this.logger = new Logger(`Consumer ${options.durable}`);
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    for (const m of this.queue.splice(0)) m.nak();
    this.spaceWaiter?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        this.messages = await this.consumer.consume({ max_messages: this.options.prefetch });
        for await (const m of this.messages) {
          if (this.stopping) {
            m.nak();
            continue;
          }
          this.queue.push(m);
          this.pump();
          if (this.queue.length >= this.options.prefetch) await new Promise<void>((r) => (this.spaceWaiter = r));
        }
      } catch (err) {
        if (!this.stopping) {
          this.logger.warn(`consume interrupted, resuming: ${describeError(err)}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  }

  private pump(): void {
    while (!this.stopping && this.active < this.options.concurrency && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.active++;
      const p = this.processBatch(batch).finally(() => {
        this.active--;
        this.inFlight.delete(p);
        const wake = this.spaceWaiter;
        this.spaceWaiter = undefined;
        wake?.();
        this.pump();
      });
      this.inFlight.add(p);
    }
  }

  /** First deliveries group together; a redelivery (it failed before) goes alone. */
  private takeBatch(): JsMsg[] {
    const first = this.queue.shift()!;
    if (first.info.deliveryCount > 1 || this.options.maxBatch <= 1) return [first];
    const batch = [first];
    while (batch.length < this.options.maxBatch && this.queue.length > 0 && this.queue[0].info.deliveryCount === 1) {
      batch.push(this.queue.shift()!);
    }
    return batch;
  }

  private async processBatch(batch: JsMsg[]): Promise<void> {
    if (batch.length === 1) return this.processOne(batch[0]);
    const timer = messagingMetrics().handleSeconds.startTimer({ consumer: this.options.durable });
    const ids = batch.map(messageIdOf);
    try {
      const outcomes = this.options.batchHandler
        ? await this.inbox.runTogether(
            this.options.durable,
            batch.map((m, i) => ({ messageId: ids[i], subject: m.subject })),
            (fresh) => this.invokeMany(fresh.map((i) => batch[i]), ids[fresh[0]]),
          )
        : await this.inbox.runBatch(
            this.options.durable,
            batch.map((m, i) => ({ messageId: ids[i], subject: m.subject, run: () => this.invoke(m, ids[i]) })),
          );
      batch.forEach((m, i) => {
        m.ack();
        messagingMetrics().handled.inc({ consumer: this.options.durable, outcome: outcomes[i] });
      });
    } catch {
      // Rolled back as a whole: find the culprit by handling each message on its own.
      for (const m of batch) await this.processOne(m);
    } finally {
      timer();
    }
  }

  private async processOne(m: JsMsg): Promise<void> {
    const { durable, retry } = this.options;
    const metrics = messagingMetrics();
    const timer = metrics.handleSeconds.startTimer({ consumer: durable });
    const messageId = messageIdOf(m);
    try {
      if (isBeyondLimit(retry, m.info.deliveryCount)) {
        await this.park(m, messageId, `delivered ${m.info.deliveryCount} times without an outcome (the handler's process died each time)`);
        return;
      }
      let outcome: string;
      try {
        outcome = await this.inbox.runOnce(durable, messageId, m.subject, () => this.invoke(m, messageId));
      } catch (err) {
        await this.onFailure(m, messageId, err);
        return;
      }
      // A lost ack only means a redelivery, which finds the inbox row and is acked then.
      m.ack();
      metrics.handled.inc({ consumer: durable, outcome });
    } catch (err) {
      this.logger.error(`could not settle ${messageId}: ${describeError(err)}`);
    } finally {
      timer();
    }
  }

  private invoke(m: JsMsg, messageId: string): Promise<void> {
    if (this.options.batchHandler) return this.invokeMany([m], messageId);
    return this.handler(this.decode(m), new JetStreamContext([m, messageId]));
  }

  /** A batch handler's call: the payloads in delivery order; the context is the first message's. */
  private invokeMany(messages: JsMsg[], firstId: string): Promise<void> {
    return this.handler(messages.map((m) => this.decode(m)), new JetStreamContext([messages[0], firstId]));
  }

  /** The payload, checked against its subject's contract: a handler never sees one that does not conform. */
  private decode(m: JsMsg): unknown {
    let payload: unknown;
    try {
      payload = m.json();
    } catch {
      throw new NonRetryableMessageError('payload is not valid JSON', 'MESSAGING.MALFORMED_PAYLOAD');
    }
    const problems = payloadCheck().problems(m.subject, payload);
    if (problems.length > 0) {
      const listed = problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new NonRetryableMessageError(`payload does not match its contract: ${listed}`, 'MESSAGING.INVALID_PAYLOAD');
    }
    return payload;
  }

  private async onFailure(m: JsMsg, messageId: string, err: unknown): Promise<void> {
    const error = describeError(err);
    const decision = decideOnFailure(this.options.retry, m.info.deliveryCount, isRetryable(err));
    try {
      if (decision.action === 'retry') {
        this.logger.warn(`${m.subject} ${messageId} failed (delivery ${m.info.deliveryCount}), retry in ${decision.delayMs} ms: ${error}`);
        m.nak(decision.delayMs);
        messagingMetrics().handled.inc({ consumer: this.options.durable, outcome: 'retried' });
      } else {
        await this.park(m, messageId, error);
      }
    } catch (parkErr) {
      // Could not even park it (NATS gone?): let JetStream redeliver after ack_wait.
      this.logger.error(`could not dead-letter ${messageId}: ${describeError(parkErr)}`);
    }
  }

  private async park(m: JsMsg, messageId: string, error: string): Promise<void> {
    this.logger.error(`${m.subject} ${messageId} dead-lettered after ${m.info.deliveryCount} deliveries: ${error}`);
    await deadLetter(this.js, { service: this.options.service, consumer: this.options.durable, message: m, messageId, error });
    // No reason text: servers before 2.10 ignore a `+TERM <reason>` ack entirely. The reason is in the dead letter.
    m.term();
    messagingMetrics().handled.inc({ consumer: this.options.durable, outcome: 'dead_lettered' });
  }
}
