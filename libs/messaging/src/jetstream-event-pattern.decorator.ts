import { EventPattern } from '@nestjs/microservices';
import type { JetStreamHandlerExtras } from './jetstream.server';

/**
 * `@EventPattern` with this transport's per-handler options typed. Nest 12 types the extra
 * arguments of a plain `@EventPattern` handler as `unknown`, which rejects `@Ctx() ctx: JetStreamContext`.
 */
export function JetStreamEventPattern(subject: string, extras: JetStreamHandlerExtras = {}): MethodDecorator {
  return EventPattern(subject, { ...extras }) as MethodDecorator;
}
