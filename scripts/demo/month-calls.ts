import { DateTime } from 'luxon';
import type { Rng } from './rng';

/** One canonical call event, as the telephony system posts it (contracts.md § telephony-events). */
export interface DemoCallEvent {
  eventId: string;
  callId: string;
  type: string;
  occurredAt: string;
  agentId?: string;
  queue?: string;
  direction?: 'inbound';
  data: Record<string, unknown>;
}

export interface CallShape {
  callId: string;
  start: DateTime;
  queue: string;
  /** Agents it rang, in order; the last answers unless the caller abandons. */
  agents: string[];
  skill: number;
}

const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;

/**
 * The events of one call: queued, rung (sometimes a ring-no-answer first, sometimes past three
 * rings), answered, held, transferred now and then, ended, wrap-up, a media-quality sample and
 * often the caller's rating. `skill` (0–1) makes better agents answer faster and rate better.
 */
export function callEvents(rng: Rng, c: CallShape): DemoCallEvent[] {
  const events: DemoCallEvent[] = [];
  let n = 0;
  const at = (t: DateTime) => t.toISO({ suppressMilliseconds: false })!;
  const add = (type: string, t: DateTime, data: Record<string, unknown> = {}, agentId?: string) =>
    events.push({ eventId: `${c.callId}-${++n}`, callId: c.callId, type, occurredAt: at(t), agentId, queue: c.queue, direction: 'inbound', data });

  let t = c.start;
  add('call.queued', t, { callerId: `138${String(rng.int(0, 99_999_999)).padStart(8, '0')}` });
  t = t.plus({ seconds: rng.int(2, 40) });
  if (rng.chance(0.025)) {
    add('call.abandoned', t.plus({ seconds: rng.int(5, 90) }), { reason: 'hangup' });
    return events;
  }
  for (let i = 0; i < c.agents.length; i++) {
    const agentId = c.agents[i];
    add('call.offered', t, {}, agentId);
    const last = i === c.agents.length - 1;
    if (!last) {
      const ringMs = rng.int(16, 25) * 1000;
      t = t.plus({ milliseconds: ringMs });
      add('call.missed', t, { ringMs }, agentId);
      t = t.plus({ seconds: 1 });
      continue;
    }
    // Three rings are 15 s; now and then (a weaker agent more often) a phone rings past them.
    const ringMs = rng.chance(0.004 * (1.3 - c.skill)) ? rng.int(16, 22) * 1000 : rng.int(2, 13) * 1000;
    t = t.plus({ milliseconds: ringMs });
    add('call.answered', t, {}, agentId);
    t = t.plus({ seconds: rng.int(30, 240) });
    if (rng.chance(0.2)) {
      add('call.hold', t, {}, agentId);
      const holdS = rng.chance(0.012) ? rng.int(125, 200) : rng.int(10, 90);
      t = t.plus({ seconds: holdS });
      add('call.resumed', t, {}, agentId);
      t = t.plus({ seconds: rng.int(20, 120) });
    }
    add('call.ended', t, { endedBy: rng.chance(0.7) ? 'caller' : 'agent' }, agentId);
    add('call.wrapup.ended', t.plus({ seconds: rng.int(10, 60) }), {}, agentId);
    const mos = rng.chance(0.03) ? 2.8 + rng.next() * 0.6 : 3.8 + rng.next() * 0.6;
    add('call.quality', t.minus({ seconds: 5 }), { mos: Math.round(mos * 100) / 100, jitterMs: rng.int(2, 40), packetLossPct: Math.round(rng.next() * 150) / 100 }, agentId);
    if (rng.chance(0.6)) {
      const r = rng.next() * (0.6 + c.skill * 0.5);
      const rating = r > 0.55 ? RATINGS[0] : r > 0.3 ? RATINGS[1] : r > 0.12 ? RATINGS[2] : RATINGS[3];
      add('call.rated', t.plus({ seconds: 20 }), { rating }, agentId);
    }
  }
  return events;
}
