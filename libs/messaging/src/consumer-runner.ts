import { Logger } from '@nestjs/common';
import type { Consumer, ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { deadLetter } from './dead-letter';
import { describeError, isRetryable, NonRetryableMessageError } from './errors';
import type { Inbox } from './inbox/inbox';
import { JetStreamContext } from './jetstream.context';
import { messageIdOf } from './message-id';
import { messagingMetrics } from './metrics';
import { decideOnFailure, isBeyondLimit, type RetryPolicy } from './retry-policy';

export type MessageHandlerFn = (data: unknown, ctx: JetStreamContext) => Promise<void>;

export interface ConsumerRunnerOptions {
  service: string;
  durable: string;
  retry: RetryPolicy;
  /** Messages handled at once by this instance; handlers must not depend on order anyway. */
  concurrency: number;
  /** Messages pulled ahead of the handlers. */
  prefetch: number;
}

/**
 * Runs one durable pull consumer: pulls, hands each message to the handler inside an inbox
 * transaction, and acks only after that transaction committed. Failures nak with backoff; the
 * last allowed failure goes to the dead-letter subject. On stop it finishes what is in hand and
 * releases (naks) what it had pulled but not started.
 */
export class ConsumerRunner {
  private readonly logger: Logger;
  private messages?: ConsumerMessages;
  private stopping = false;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private waiters: Array<() => void> = [];

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
    this.waiters.forEach((w) => w());
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
          await this.slot();
          if (this.stopping) {
            m.nak();
            continue;
          }
          const p = this.process(m).finally(() => {
            this.inFlight.delete(p);
            this.waiters.shift()?.();
          });
          this.inFlight.add(p);
        }
      } catch (err) {
        if (!this.stopping) {
          this.logger.warn(`consume interrupted, resuming: ${describeError(err)}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  }

  private slot(): Promise<void> {
    if (this.inFlight.size < this.options.concurrency) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async process(m: JsMsg): Promise<void> {
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
        outcome = await this.inbox.runOnce(durable, messageId, m.subject, async () => {
          await this.handler(this.decode(m), new JetStreamContext([m, messageId]));
        });
      } catch (err) {
        await this.onFailure(m, messageId, err);
        return;
      }
      try {
        await m.ackAck();
      } catch (err) {
        // Committed but the ack was lost: the redelivery will find the inbox row and be acked then.
        this.logger.warn(`ack of ${messageId} lost after commit: ${describeError(err)}`);
      }
      metrics.handled.inc({ consumer: durable, outcome });
    } catch (err) {
      this.logger.error(`could not settle ${messageId}: ${describeError(err)}`);
    } finally {
      timer();
    }
  }

  private decode(m: JsMsg): unknown {
    try {
      return m.json();
    } catch {
      throw new NonRetryableMessageError('payload is not valid JSON', 'MESSAGING.MALFORMED_PAYLOAD');
    }
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
