import { ParsedCallEvent } from '../events/call-event';
import { CallFacts, CallLegFacts } from '../facts/call-facts';
import { ABANDON_REASON_LABELS, ALERT_TITLES, QualityReading, TelephonyAlertKind, bilingual, qualityBreaches, secs } from './alert-texts';
import { TelephonyPolicy } from '../telephony-policy';

export type { TelephonyAlertKind } from './alert-texts';

export interface AlertDraft {
  kind: TelephonyAlertKind;
  severity: 'info' | 'warning' | 'critical';
  agentId?: string;
  title: string;
  body: string;
  facts: Record<string, unknown>;
  /** Same call, leg and kind → same key, so a re-derivation never raises an alert twice. */
  dedupeKey: string;
}

/**
 * A leg is named by its agent and the instant it began ringing (or was answered), not by its
 * position: a late event that adds an earlier leg must not make an old alert look new.
 * 'call' stands for call-level alerts.
 */
export const legKey = (leg: Pick<CallLegFacts, 'agentId' | 'offeredAt' | 'answeredAt' | 'endedAt'>): string =>
  `${leg.agentId}@${leg.offeredAt ?? leg.answeredAt ?? leg.endedAt ?? 'unknown'}`;

export const alertDedupeKey = (callId: string, leg: string | 'call', kind: TelephonyAlertKind): string => `${callId}:${leg}:${kind}`;

function legAlerts(f: CallFacts, leg: CallLegFacts, i: number, p: TelephonyPolicy): AlertDraft[] {
  const out: AlertDraft[] = [];
  const base = { callId: f.callId, legIndex: i, agentId: leg.agentId, offeredAt: leg.offeredAt, answeredAt: leg.answeredAt };
  const draft = (kind: TelephonyAlertKind, severity: AlertDraft['severity'], zh: string, en: string, facts: object): AlertDraft => ({
    kind, severity, agentId: leg.agentId, title: ALERT_TITLES[kind], body: bilingual(zh, en),
    facts: { ...base, ...facts }, dedupeKey: alertDedupeKey(f.callId, legKey(leg), kind),
  });
  if (leg.ringLimitExceeded && leg.ringMs !== null) {
    const late = leg.answeredAt !== null; // rang past the limit before being picked up still counts
    out.push(draft('call.ring-limit-exceeded', 'warning',
      `坐席 ${leg.agentId} 的电话响铃 ${leg.rings} 声(${secs(leg.ringMs)} 秒)${late ? '后才接起' : '未接起'},超过 ${p.ringLimitRings} 声上限`,
      `Agent ${leg.agentId}'s phone rang ${leg.rings} times (${secs(leg.ringMs)} s) ${late ? 'before being answered' : 'unanswered'}, over the ${p.ringLimitRings}-ring limit`,
      { ringMs: leg.ringMs, rings: leg.rings, missed: leg.missed, ringLimitRings: p.ringLimitRings, ringCycleMs: p.ringCycleMs }));
  }
  if (leg.missed) {
    const rang = leg.ringMs === null ? '' : secs(leg.ringMs);
    out.push(draft('call.ring-no-answer', 'info',
      `坐席 ${leg.agentId} 未接起来电${rang && `(响铃 ${rang} 秒)`}`,
      `Agent ${leg.agentId} did not answer${rang && ` (rang ${rang} s)`}`,
      { ringMs: leg.ringMs, rings: leg.rings }));
  }
  if (leg.longHold) {
    out.push(draft('call.long-hold', 'warning',
      `坐席 ${leg.agentId} 单次搁置来电 ${secs(leg.longestHoldMs)} 秒,超过 ${secs(p.holdLimitMs)} 秒`,
      `Agent ${leg.agentId} kept the caller on hold for ${secs(leg.longestHoldMs)} s at a stretch, over ${secs(p.holdLimitMs)} s`,
      { longestHoldMs: leg.longestHoldMs, holdMs: leg.holdMs, holdCount: leg.holdCount, holdLimitMs: p.holdLimitMs }));
  }
  return out;
}

function poorQuality(callId: string, reading: QualityReading, p: TelephonyPolicy, extra: object, agentId?: string): AlertDraft | null {
  const breaches = qualityBreaches(reading, p);
  if (breaches.length === 0) return null;
  return {
    kind: 'call.poor-quality', severity: 'warning', ...(agentId === undefined ? {} : { agentId }),
    title: ALERT_TITLES['call.poor-quality'],
    body: bilingual(breaches.map((b) => b.zh).join(','), breaches.map((b) => b.en).join(', ')),
    facts: { callId, ...reading, ...extra, mosMin: p.mosMin, jitterMsMax: p.jitterMsMax, packetLossPctMax: p.packetLossPctMax },
    // One per call: the live sample alert and the summary alert share this key.
    dedupeKey: alertDedupeKey(callId, 'call', 'call.poor-quality'),
  };
}

/** Alerts a call's facts justify, in a fixed order (legs first, then call-level). */
export function detectCallAlerts(f: CallFacts, p: TelephonyPolicy): AlertDraft[] {
  const out = f.legs.flatMap((leg, i) => legAlerts(f, leg, i, p));
  // The worst sample decides, consistent with the per-sample alert (a quality issue is the line's, not the agent's).
  const quality = poorQuality(f.callId, { mos: f.minMos, jitterMs: f.maxJitterMs, packetLossPct: f.maxPacketLossPct }, p, { averageMos: f.mos });
  if (quality) out.push(quality);
  const wait = f.abandoned?.waitMs ?? null;
  // Any abandonment reason counts: a caller timed out after a long wait waited just as long.
  if (f.abandoned && wait !== null && wait > p.longWaitAbandonMs) {
    const reason = ABANDON_REASON_LABELS[f.abandoned.reason];
    out.push({
      kind: 'call.long-wait-abandoned', severity: 'warning', title: ALERT_TITLES['call.long-wait-abandoned'],
      body: bilingual(`来电等待 ${secs(wait)} 秒后离开队列(${reason.zh})`, `Caller left the queue after waiting ${secs(wait)} s (${reason.en})`),
      facts: { callId: f.callId, queue: f.queue, waitMs: wait, reason: f.abandoned.reason, longWaitAbandonMs: p.longWaitAbandonMs },
      dedupeKey: alertDedupeKey(f.callId, 'call', 'call.long-wait-abandoned'),
    });
  }
  return out;
}

/** Raises poor quality as soon as one sample arrives, before the call's facts are derived. */
export function detectQualitySampleAlert(e: ParsedCallEvent, p: TelephonyPolicy): AlertDraft | null {
  if (e.type !== 'call.quality') return null;
  return poorQuality(e.callId, e.data, p, { eventId: e.eventId }, e.agentId);
}

/** Whether a situation proven at `provenAt` is recent enough to alert anyone about at `now`. */
export const isLive = (provenAt: number, now: number, p: Pick<TelephonyPolicy, 'liveAlertWindowMs'>): boolean =>
  now - provenAt <= p.liveAlertWindowMs;
