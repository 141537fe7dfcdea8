import { DateTime } from 'luxon';
import { callEvents, type DemoCallEvent } from '../../demo/month-calls';
import { Rng } from '../../demo/rng';

/**
 * The busiest hour of a `seats`-seat centre: `calls` calls starting evenly at random over one hour,
 * each built by the demo's call generator (queue wait, rings, a ring-no-answer first now and then,
 * holds, quality sample, rating), every call to a random seat. Events in occurredAt order, as a feed
 * sends them, each with its offset from the start of the hour.
 */
export interface BusyHour {
  events: Array<{ offsetMs: number; e: DemoCallEvent }>;
  agents: string[];
  /** Calls with a leg rung past three rings, and the event that proves it. */
  breaches: Map<string, string>;
  legs: number;
}

export function busiestHour(start: DateTime, calls: number, seats: number, seed = 1_000): BusyHour {
  const rng = new Rng(seed);
  const agents = Array.from({ length: seats }, (_, i) => `S${10_001 + i}`);
  const skill = agents.map(() => 0.4 + rng.next() * 0.6);
  const timed: Array<{ offsetMs: number; e: DemoCallEvent }> = [];
  const breaches = new Map<string, string>();
  let legs = 0;
  for (let c = 0; c < calls; c++) {
    const offset = rng.int(0, 3_600_000 - 1);
    const seat = rng.int(0, seats - 1);
    const missedBy = rng.chance(0.04) ? [agents[(seat + 1) % seats]] : [];
    const evs = callEvents(rng, { callId: `hour-${c}`, start: start.plus({ milliseconds: offset }), queue: rng.chance(0.6) ? 'service' : 'sales', agents: [...missedBy, agents[seat]], skill: skill[seat] });
    for (const e of evs) {
      timed.push({ offsetMs: DateTime.fromISO(e.occurredAt).toMillis() - start.toMillis(), e });
      if (e.type === 'call.offered') legs++;
      const ringMs = Number(e.data.ringMs ?? 0);
      if (!breaches.has(e.callId) && (e.type === 'call.missed' || e.type === 'call.answered') && ringMs > 15_000) breaches.set(e.callId, e.eventId);
      // callEvents stamps answers by their time only: the ring is the gap since the offer.
      if (!breaches.has(e.callId) && e.type === 'call.answered') {
        const offered = evs.find((x) => x.type === 'call.offered' && x.agentId === e.agentId)!;
        if (DateTime.fromISO(e.occurredAt).toMillis() - DateTime.fromISO(offered.occurredAt).toMillis() > 15_000) breaches.set(e.callId, e.eventId);
      }
    }
  }
  timed.sort((a, b) => a.offsetMs - b.offsetMs);
  return { events: timed, agents, breaches, legs };
}
