/**
 * One tick of live call traffic: `calls` complete calls (queued, offered, answered, ended), every
 * `breachEvery`-th ringing past three rings (18 s, against the 15 s limit). Each breaching call has
 * its own agent, so no flood grouping hides an alert. The events are stamped as just happened.
 */
export function callTick(tick: number, calls: number, breachEvery: number, prefix: string, now = Date.now()) {
  const events: object[] = [];
  const breaches: string[] = [];
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  for (let i = 0; i < calls; i++) {
    const callId = `${prefix}-${tick}-${i}`;
    const breach = (tick * calls + i) % breachEvery === 0;
    const agentId = breach ? `B-${prefix}-${tick}-${i}` : `A${(i % 50) + 1000}`;
    const ringMs = breach ? 18_000 : 3_000;
    if (breach) breaches.push(callId);
    events.push(
      { eventId: `${callId}-q`, callId, type: 'call.queued', occurredAt: at(ringMs + 2_000), queue: 'sales', direction: 'inbound', data: {} },
      { eventId: `${callId}-o`, callId, type: 'call.offered', occurredAt: at(ringMs + 1_000), agentId, queue: 'sales', data: {} },
      { eventId: `${callId}-a`, callId, type: 'call.answered', occurredAt: at(1_000), agentId, queue: 'sales', data: {} },
      { eventId: `${callId}-e`, callId, type: 'call.ended', occurredAt: at(0), agentId, data: { endedBy: 'caller' } },
    );
  }
  return { events, breaches };
}
