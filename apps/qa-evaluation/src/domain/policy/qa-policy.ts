import { DEFAULT_SPEECH_POLICY, type SpeechPolicy } from '../speech/speech-policy';

/**
 * Every number qa-evaluation decides by (rules.md §3–§9 and the tenant choices of §11). The
 * defaults below are stored in `qa.policy` by migration and may be overridden there; code reads
 * them through the policy store, never as literals.
 */
export interface QaPolicy {
  timeZone: string;
  forms: { callFormId: string; appraisalFormId: string };
  disputes: { windowDays: number; maxPerMonth: number };
  appeals: { windowDays: number };
  appraisal: { selfDueDay: number; supervisorDueDay: number; finalDueDay: number; reminderLeadDays: number };
  sampling: {
    callsPerAgentPerMonth: number;
    evaluatorDailyCap: number;
    /** Calls with these post-call ratings are sampled first when targeting is on. */
    poorRatings: string[];
    longHoldMs: number;
    /** A ring this long (three rings, rules.md §3) marks a call for targeting. */
    longRingMs: number;
    /**
     * Priority a targeted call gains for each mark (issue 7 §3): a poor rating, a hold of `longHoldMs`, a ring of
     * `longRingMs`. Calls are ranked by the sum within each agent's week (`sampling/sampling-weights.ts`).
     */
    poorRatingWeight: number;
    longHoldWeight: number;
    longRingWeight: number;
    targeting: boolean;
  };
  conduct: {
    /** The −10 recorded against the issuer of a record whose appeal was upheld (rules.md §9). */
    issuerOverturnedCode: string;
    alertKind: string;
    /**
     * rules.md §4: a first offence of a fine marked so in the catalogue is recorded as a warning
     * (amount 0). Off by default: scoring applies the first-offence rule to pay with its window and
     * exemptions, and one rule belongs in one place; a tenant without scoring's rule turns it on.
     */
    firstOffenceWarning: boolean;
    /**
     * rules.md §5, one occurrence, one deduction: codes whose fact scoring also computes (late arrival, early leave
     * and absence from attendance days; long holds from calls) must name the day (`date`, yyyy-mm-dd) or the call
     * (`callId`) they are about, so a record that duplicates the computed fact can be refused. A code listed with
     * `date` is checked against attendance's day, one with `callId` against the agent's longest hold on that call.
     */
    referenceRequired: Record<string, 'date' | 'callId'>;
  };
  /**
   * qa's copy of the telephony limit scoring counts long holds by (`telephony.holdLimitMs` of
   * `scoring.policy.activated`): a hold longer than this is computed, so a hand record of it is a duplicate.
   */
  telephony: { holdLimitMs: number };
  /** Speech QA (rules.md §3, §8): the checks a call's transcript is put through, as data (`speech-policy.ts`). */
  speech: SpeechPolicy;
}

export const DEFAULT_QA_POLICY: QaPolicy = {
  timeZone: 'Asia/Shanghai',
  forms: { callFormId: 'call-qa', appraisalFormId: 'monthly-appraisal' },
  disputes: { windowDays: 7, maxPerMonth: 3 },
  appeals: { windowDays: 7 },
  appraisal: { selfDueDay: 2, supervisorDueDay: 5, finalDueDay: 10, reminderLeadDays: 1 },
  sampling: {
    callsPerAgentPerMonth: 4, evaluatorDailyCap: 40, poorRatings: ['poor', 'fair'], longHoldMs: 60_000, longRingMs: 15_000,
    poorRatingWeight: 4, longHoldWeight: 2, longRingWeight: 1, targeting: true,
  },
  conduct: {
    issuerOverturnedCode: 'ISSUER_OVERTURNED', alertKind: 'qa.conduct-recorded', firstOffenceWarning: false,
    referenceRequired: { UNEXCUSED_LATE_EARLY_ABSENT: 'date', LONG_HOLD_UNREASONED: 'callId' },
  },
  telephony: { holdLimitMs: 120_000 },
  speech: DEFAULT_SPEECH_POLICY,
};

/** Stored overrides merged section by section over the defaults; unknown keys are ignored. */
export function mergePolicy(overrides: Partial<Record<keyof QaPolicy, unknown>>): QaPolicy {
  const out = structuredClone(DEFAULT_QA_POLICY) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides ?? {})) {
    const base = out[k];
    if (base === undefined) continue;
    if (typeof base === 'object' && base !== null && typeof v === 'object' && v !== null) out[k] = { ...base, ...v };
    else if (typeof base === typeof v) out[k] = v;
  }
  return out as unknown as QaPolicy;
}
