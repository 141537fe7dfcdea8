/**
 * Every number the phone-conduct rules (rules.md §3) and the queue reports depend on.
 * These are the defaults; a tenant's versioned policy may override any of them.
 */
export interface TelephonyPolicy {
  /** One ring-back cycle; mainland China is 1 s on + 4 s off. */
  ringCycleMs: number;
  /** 响铃三声未接起: a phone ringing past this many cycles is a violation. */
  ringLimitRings: number;
  /** 长时间无故搁置电话: the rules give no number, so this is a policy choice. */
  holdLimitMs: number;
  /** Media quality floor / ceilings for a single sample. */
  mosMin: number;
  jitterMsMax: number;
  packetLossPctMax: number;
  /** An abandonment after waiting longer than this raises an alert. */
  longWaitAbandonMs: number;
  /** Service-level target: answered within this wait counts as "in target". */
  serviceLevelTargetMs: number;
  /** A call with no end event is closed this long after its last event. */
  callTimeoutMs: number;
  /** Width of the bins in the wait-time distribution of the queue report. */
  waitBinMs: number;
  /**
   * Real-time alerts are for situations still unfolding: a call whose proving event is older than
   * this (an imported month of queue_log, a replay) is scored from its facts but pages nobody.
   */
  liveAlertWindowMs: number;
  /** Local time zone for day/hour breakdowns (rules.md §1: China Standard Time). */
  timeZone: string;
}

export const DEFAULT_TELEPHONY_POLICY: Readonly<TelephonyPolicy> = Object.freeze({
  ringCycleMs: 5_000,
  ringLimitRings: 3,
  holdLimitMs: 120_000,
  mosMin: 3.5,
  jitterMsMax: 30,
  packetLossPctMax: 2,
  longWaitAbandonMs: 60_000,
  serviceLevelTargetMs: 20_000,
  callTimeoutMs: 4 * 60 * 60 * 1_000,
  waitBinMs: 15_000,
  liveAlertWindowMs: 60 * 60 * 1_000,
  timeZone: 'Asia/Shanghai',
});
