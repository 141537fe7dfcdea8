/** The parts of a call leg (qa's copy of `telephony.call.summarized`) that decide whose call it was. */
export interface LegOfCall {
  agentId: string;
  answeredAt: string | null;
  talkMs: number | null;
}

/**
 * The agent a transcript is about: of the legs that were answered, the one who talked longest (a transfer's
 * short hand-over leg is not the conversation), the earliest answer breaking a tie. Null when nobody answered.
 */
export function agentOfCall(legs: readonly LegOfCall[]): string | null {
  let best: LegOfCall | null = null;
  for (const leg of legs) {
    if (!leg.answeredAt) continue;
    const talk = leg.talkMs ?? 0;
    const bestTalk = best?.talkMs ?? 0;
    if (!best || talk > bestTalk || (talk === bestTalk && leg.answeredAt < (best.answeredAt as string))) best = leg;
  }
  return best?.agentId ?? null;
}
