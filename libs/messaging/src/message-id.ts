import type { JsMsg } from '@nats-io/jetstream';

export const MSG_ID_HEADER = 'Nats-Msg-Id';

export function messageIdOf(m: JsMsg): string {
  return m.headers?.get(MSG_ID_HEADER) || `${m.info.stream}:${m.info.streamSequence}`;
}
