/**
 * A day of realistic canonical call events (contracts.md "telephony-events"): most calls are
 * queued → offered → answered → hold → resumed → quality → ended → wrapup.ended; some ring out at a
 * first agent before a second answers, some are transferred, some are abandoned.
 */
import { seededRandom } from '../../../apps/telephony-events/src/domain/testing/call-event-builder';

export interface WireEvent {
  eventId: string;
  callId: string;
  type: string;
  occurredAt: string;
  agentId?: string;
  queue: string;
  direction: 'inbound';
  data: Record<string, unknown>;
}

export interface CallDay {
  /** All events in occurredAt order, as a feed sends them. */
  events: WireEvent[];
  /** Events per call id. */
  perCall: Map<string, number>;
}

const QUEUES = ['sales', 'support', 'billing', 'vip'];
const AGENTS = Array.from({ length: 240 }, (_, i) => `A${1001 + i}`);
const DAY_MS = 24 * 3600_000;


/** ISO-8601 with the +08:00 offset a Chinese PBX writes, millisecond precision. */
const cst = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');

/** Roughly `n` events (whole calls) spread over the 24 hours before `dayEnd`, business hours busiest. */
export function generateCallDay(n: number, prefix: string, seed: number, dayEnd = Date.now()): CallDay {
  const rnd = seededRandom(seed);
  const between = (lo: number, hi: number) => Math.round(lo + rnd() * (hi - lo));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const dayStart = dayEnd - DAY_MS;
  const timed: Array<{ at: number; e: WireEvent }> = [];
  const perCall = new Map<string, number>();

  for (let c = 0; timed.length < n; c++) {
    const callId = `${prefix}-c${c}`;
    const queue = pick(QUEUES);
    let k = 0;
    const add = (type: string, at: number, agentId?: string, data: Record<string, unknown> = {}) => {
      const e: WireEvent = { eventId: `${callId}-e${k++}`, callId, type, occurredAt: cst(at), queue, direction: 'inbound', data };
      if (agentId !== undefined) e.agentId = agentId;
      timed.push({ at, e });
    };
    // 85% of calls between 08:00 and 22:00 of the day, the rest at night.
    const start = dayStart + (rnd() < 0.85 ? between(8 * 3600_000, 22 * 3600_000) : between(0, DAY_MS - 3600_000));
    add('call.queued', start, undefined, { callerId: `138${between(10_000_000, 99_999_999)}` });
    let t = start + between(2_000, 45_000);
    const mix = rnd();
    if (mix < 0.06) {
      // Abandoned: the caller gives up while the first phone rings (or before any ring).
      const agent = pick(AGENTS);
      if (rnd() < 0.6) add('call.offered', t, agent);
      t += between(3_000, 60_000);
      add('call.abandoned', t, undefined, { reason: rnd() < 0.9 ? 'hangup' : 'timeout', waitMs: t - start });
    } else {
      let agent = pick(AGENTS);
      add('call.offered', t, agent);
      if (mix < 0.16) {
        // Ring-no-answer at a first agent, answered by a second one.
        const ringMs = between(10_000, 20_000);
        add('call.missed', (t += ringMs), agent, { ringMs });
        agent = pick(AGENTS);
        add('call.offered', (t += 500), agent);
      }
      const ringMs = rnd() < 0.97 ? between(1_500, 12_000) : between(15_001, 25_000);
      add('call.answered', (t += ringMs), agent, { ringMs, waitMs: t - start });
      const talkEnd = t + between(45_000, 600_000);
      if (mix >= 0.16 && mix < 0.24) {
        // Transferred: the first agent hands over, a colleague takes the rest of the call.
        add('call.transferred', (t = between(t + 20_000, talkEnd)), agent, { target: 'queue:support' });
        agent = pick(AGENTS);
        add('call.offered', (t += 1_000), agent);
        add('call.answered', (t += between(2_000, 8_000)), agent, { ringMs: 3_000 });
      } else if (mix < 0.16 || mix >= 0.24) {
        const holdAt = between(t + 10_000, talkEnd - 5_000);
        add('call.hold', holdAt, agent);
        const resumedAt = holdAt + (rnd() < 0.97 ? between(5_000, 90_000) : between(120_001, 300_000));
        add('call.resumed', resumedAt, agent);
        t = Math.max(talkEnd, resumedAt + 1_000);
      }
      const poor = rnd() < 0.03;
      const quality = { mos: poor ? 3.1 : Math.round((3.8 + rnd() * 0.7) * 100) / 100, jitterMs: between(1, 25), packetLossPct: poor ? 3 : Math.round(rnd() * 100) / 100 };
      if (mix >= 0.16 || rnd() < 0.5) add('call.quality', talkEnd - 1_000, agent, quality);
      t = Math.max(t, talkEnd);
      add('call.ended', t, agent, { endedBy: rnd() < 0.7 ? 'caller' : 'agent' });
      add('call.wrapup.ended', t + between(5_000, 60_000), agent);
    }
    perCall.set(callId, k);
  }
  timed.sort((a, b) => a.at - b.at);
  return { events: timed.map((x) => x.e), perCall };
}

/** Consecutive slices of at most `size`. */
export function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
