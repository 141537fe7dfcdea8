import { BaseRpcContext } from '@nestjs/microservices';
import type { JsMsg } from '@nats-io/jetstream';

/** What a handler may ask about the message it is handling (`@Ctx() ctx: JetStreamContext`). */
export class JetStreamContext extends BaseRpcContext<[JsMsg, string]> {
  get message(): JsMsg {
    return this.args[0];
  }
  /** `Nats-Msg-Id` when the producer set one (the outbox always does), else stream:sequence. */
  get messageId(): string {
    return this.args[1];
  }
  get subject(): string {
    return this.args[0].subject;
  }
  get deliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }
}
