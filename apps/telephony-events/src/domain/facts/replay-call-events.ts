import { AbandonReason, Direction, EndedData, ParsedCallEvent, RecordingData } from '../events/call-event';
import { LegState, closeHold, closeLeg, isConnected, isRinging, latestLeg, newLeg } from './call-leg-state';

type Quality = Extract<ParsedCallEvent, { type: 'call.quality' }>;
type Rated = Extract<ParsedCallEvent, { type: 'call.rated' }>;

/** Everything the summary needs, gathered by replaying one call's events in order. */
export interface CallState {
  legs: LegState[];
  queue: string | null;
  queuedQueue: string | null;
  direction: Direction | null;
  callerId: string | null;
  queuedAt: number | null;
  firstAnswer: { at: number; waitMs: number | null } | null;
  abandoned: { at: number; reason: AbandonReason; waitMs: number | null } | null;
  ended: { at: number; agentId: string | null; data: EndedData } | null;
  hasHoldEvents: boolean;
  samples: Quality[];
  ratings: Rated[];
  /** From the latest event (in replay order) that carried one. */
  recording: RecordingData | null;
}

/** Closes every leg still ringing or connected (call over); ringing ones are not misses. */
function closeOpenLegs(state: CallState, event: ParsedCallEvent, endedBy: EndedData['endedBy'] | null): void {
  for (const leg of state.legs) if (leg.endedAt === null) closeLeg(leg, event.at, event.eventId, endedBy);
}

/** The agent's ringing leg, or a new one when the source never sent the offer. */
function ringingLeg(state: CallState, agentId: string, at: number, ringMs: number | undefined): LegState {
  const leg = latestLeg(state.legs, agentId, isRinging);
  if (leg !== undefined) return leg;
  // Without an offer event the ring start is known only from a reported ringMs.
  const created = newLeg(agentId, ringMs === undefined ? null : at - ringMs);
  state.legs.push(created);
  return created;
}

function awaitsWrapUp(leg: LegState, at: number): boolean {
  return leg.answeredAt !== null && leg.endedAt !== null && leg.endedAt <= at && leg.wrapUpEndedAt === null;
}

export function applyCallEvent(state: CallState, e: ParsedCallEvent): void {
  if (state.queue === null && e.queue !== undefined) state.queue = e.queue;
  if (state.direction === null && e.direction !== undefined) state.direction = e.direction;
  if (e.data.recording !== undefined) state.recording = e.data.recording;
  const agentId = e.agentId as string; // required (validated) for every type that uses it below
  switch (e.type) {
    case 'call.queued':
      if (state.queuedAt !== null) return; // re-queueing keeps the first entry: wait runs from there
      state.queuedAt = e.at;
      state.queuedQueue = e.queue ?? null;
      state.callerId = e.data.callerId ?? null;
      return;
    case 'call.offered': {
      // A second offer while the same agent's phone still rings is a re-sent ring, not a new leg.
      let leg = latestLeg(state.legs, agentId, isRinging);
      if (!leg) state.legs.push((leg = newLeg(agentId, e.at)));
      leg.ids.add(e.eventId);
      return;
    }
    case 'call.missed': {
      const leg = ringingLeg(state, agentId, e.at, e.data.ringMs);
      leg.missed = true;
      leg.reportedRingMs = e.data.ringMs ?? null;
      closeLeg(leg, e.at, e.eventId);
      return;
    }
    case 'call.answered': {
      const connected = latestLeg(state.legs, agentId, isConnected);
      const ringing = latestLeg(state.legs, agentId, isRinging);
      if (connected && !ringing) return void connected.ids.add(e.eventId); // duplicate answer
      const leg = ringingLeg(state, agentId, e.at, e.data.ringMs);
      leg.answeredAt = e.at;
      leg.reportedRingMs = e.data.ringMs ?? null;
      leg.ids.add(e.eventId);
      state.firstAnswer ??= { at: e.at, waitMs: e.data.waitMs ?? null };
      // Other phones stop ringing once someone answers (ringall): cancelled, not missed.
      for (const other of state.legs) if (other !== leg && isRinging(other)) closeLeg(other, e.at, e.eventId);
      return;
    }
    case 'call.hold':
    case 'call.resumed': {
      state.hasHoldEvents = true;
      const leg = latestLeg(state.legs, agentId, isConnected);
      if (!leg) return; // hold for an agent not on the call: nothing to attribute it to
      leg.ids.add(e.eventId);
      if (e.type === 'call.resumed') return closeHold(leg, e.at);
      if (leg.holdStartedAt !== null) return; // already on hold: the first hold start counts
      leg.holdStartedAt = e.at;
      leg.holdCount++;
      return;
    }
    case 'call.transferred': {
      const leg = latestLeg(state.legs, agentId, isConnected);
      if (!leg) return;
      leg.transferred = true;
      leg.transferTarget = e.data.target;
      closeLeg(leg, e.at, e.eventId); // endedBy stays null: the leg ended by handing over
      return;
    }
    case 'call.ended':
      if (state.ended !== null) return; // the earliest end is the end
      state.ended = { at: e.at, agentId: e.agentId ?? null, data: e.data };
      return closeOpenLegs(state, e, e.data.endedBy);
    case 'call.abandoned':
      if (state.abandoned !== null) return;
      state.abandoned = { at: e.at, reason: e.data.reason, waitMs: e.data.waitMs ?? null };
      return closeOpenLegs(state, e, null);
    case 'call.wrapup.ended': {
      // Wrap-up follows the agent's latest finished conversation that has none yet.
      const leg = latestLeg(state.legs, agentId, (l) => awaitsWrapUp(l, e.at));
      if (!leg) return;
      leg.wrapUpEndedAt = e.at;
      leg.ids.add(e.eventId);
      return;
    }
    case 'call.quality':
      return void state.samples.push(e);
    case 'call.rated':
      return void state.ratings.push(e);
  }
}

export function emptyCallState(): CallState {
  return {
    legs: [], queue: null, queuedQueue: null, direction: null, callerId: null, queuedAt: null,
    firstAnswer: null, abandoned: null, ended: null, hasHoldEvents: false, samples: [], ratings: [], recording: null,
  };
}
