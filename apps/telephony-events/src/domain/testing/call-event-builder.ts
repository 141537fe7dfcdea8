import { CallEventDataMap, CallEventType, ParsedCallEvent } from '../events/call-event';

/** 2026-10-05T01:00:00Z = 09:00 in Shanghai: the base instant of hand-written test calls. */
export const T0 = Date.UTC(2026, 9, 5, 1, 0, 0);

export interface EventOptions<T extends CallEventType> {
  id: string;
  agentId?: string;
  callId?: string;
  queue?: string;
  data?: CallEventDataMap[T];
}

/** A parsed event `seconds` after T0, for hand-computed expectations. */
export function ev<T extends CallEventType>(type: T, seconds: number, options: EventOptions<T>): ParsedCallEvent {
  const at = T0 + Math.round(seconds * 1000);
  const event: Record<string, unknown> = {
    eventId: options.id,
    callId: options.callId ?? 'call-1',
    type,
    occurredAt: new Date(at).toISOString(),
    data: options.data ?? {},
    at,
  };
  if (options.agentId !== undefined) event.agentId = options.agentId;
  if (options.queue !== undefined) event.queue = options.queue;
  return event as ParsedCallEvent;
}

/** Deterministic PRNG (mulberry32) so shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
