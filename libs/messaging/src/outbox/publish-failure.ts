/**
 * Why a publish failed decides what the relay does with the row. A refusal the stream will repeat
 * for ever (payload over the server's max_payload, a stream limit, an invalid subject) counts as
 * an attempt and parks the row after a few; a passing condition (NATS or JetStream away, a
 * timeout) does not, so an outage never parks the healthy backlog.
 */
const PASSING = new Set([
  'TimeoutError',
  'RequestError',
  'NoResponders',
  'JetStreamNotEnabled',
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ConnectionError',
  'NatsNotConnected',
]);

export function isPassingPublishFailure(err: unknown): boolean {
  const name = err instanceof Error ? err.name : undefined;
  return name !== undefined && PASSING.has(name);
}
