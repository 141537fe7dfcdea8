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

  // What input is believable at all (checked at validation, so no fact can break derivation or
  // outgrow a NATS message). Not conduct rules: bounds on what a telephony system can report.
  /** Longest duration a source may report (ring, wait, hold, talk). */
  maxReportedDurationMs: number;
  maxReportedHoldCount: number;
  /** The MOS scale (ITU-T P.800: 1–5). */
  mosScaleMin: number;
  mosScaleMax: number;
  jitterMsAcceptedMax: number;
  packetLossPctAcceptedMax: number;
  idMaxLength: number;
  queueMaxLength: number;
  callerIdMaxLength: number;
  transferTargetMaxLength: number;
  /** Longest recording address (`data.recording.uri`) accepted. */
  recordingUriMaxLength: number;
  /** An instant later than now + this is refused (clock skew allowance). */
  futureToleranceMs: number;
  /** An instant older than this many days is refused. */
  pastHorizonDays: number;

  // How the service protects itself.
  /** A call whose derivation fails this many times running is set aside (kept, listed, alerted). */
  derivationMaxAttempts: number;
  /**
   * A call's published fact may not exceed this (NATS refuses messages over its max_payload, 1 MB
   * by default): a call with thousands of events is set aside instead of blocking the outbox.
   */
  maxFactBytes: number;
  maxEventsPerRequest: number;
  /**
   * Backpressure: while this many calls wait to be derived, a request storing events waits (up to
   * `derivationBacklogWaitMs`) before it stores, so the facts trail the events by a bounded time when
   * events arrive faster than they can be derived, instead of a backlog that grows for as long as they do.
   */
  derivationBacklogCalls: number;
  /** The longest a request waits on the backlog; then it is stored anyway (nothing is refused for it). */
  derivationBacklogWaitMs: number;
  maxCtrRecordsPerRequest: number;
  /** A queue_log line longer than this is reported as unparseable (Asterisk writes short lines). */
  queueLogMaxLineLength: number;
  /** A contact trace record nested deeper than this is reported, not read. */
  ctrMaxDepth: number;
  /** Answers list at most this many problems of each kind; counts cover all of them. */
  problemsListed: number;
  /** Longest window a statistics query may cover. */
  reportMaxWindowDays: number;
  /** The live wallboard looks back this far for agents' latest activity and open calls. */
  liveLookbackMs: number;
  /** The live wallboard is recomputed at most this often (every instance computes the same from the database). */
  liveRefreshMs: number;
  /** Month partitions of events, facts and legs are kept ready this many months past the current one. */
  partitionMonthsAhead: number;
  /**
   * Asterisk queue_log names no recording. When the queues record with `monitor-type=MixMonitor` and no
   * `MONITOR_FILENAME`, app_queue names the file `<uniqueid of the caller's channel>.<monitor-format>` —
   * the queue_log call id — in the monitor spool: set where those files are reachable (`uriPrefix`, e.g.
   * `file:///var/spool/asterisk/monitor`) and `monitor-format` (`format`), and a queue_log import gives each
   * completed call `data.recording`. Null (the default): queue_log calls carry no recording.
   */
  asteriskMixMonitor: { uriPrefix: string; format: string } | null;
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
  maxReportedDurationMs: 24 * 60 * 60 * 1_000,
  maxReportedHoldCount: 1_000,
  mosScaleMin: 1,
  mosScaleMax: 5,
  jitterMsAcceptedMax: 10_000,
  packetLossPctAcceptedMax: 100,
  idMaxLength: 200,
  queueMaxLength: 200,
  callerIdMaxLength: 64,
  transferTargetMaxLength: 200,
  recordingUriMaxLength: 2_000,
  futureToleranceMs: 5 * 60 * 1_000,
  pastHorizonDays: 400,
  derivationMaxAttempts: 3,
  maxFactBytes: 900_000,
  maxEventsPerRequest: 5_000,
  derivationBacklogCalls: 300,
  derivationBacklogWaitMs: 5_000,
  maxCtrRecordsPerRequest: 1_000,
  queueLogMaxLineLength: 8_192,
  ctrMaxDepth: 32,
  problemsListed: 100,
  reportMaxWindowDays: 92,
  liveLookbackMs: 12 * 60 * 60 * 1_000,
  liveRefreshMs: 1_000,
  partitionMonthsAhead: 2,
  asteriskMixMonitor: null,
});
