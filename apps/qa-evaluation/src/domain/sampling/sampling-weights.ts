import { DEFAULT_QA_POLICY, type QaPolicy } from '../policy/qa-policy';
import { readSpeechPolicy } from '../speech/speech-policy';

/** What each mark adds to a call's sampling priority; the store ranks each agent-week's calls by their sum. */
export interface SamplingWeights {
  poorRating: number;
  longHold: number;
  longRing: number;
  /** Speech QA flagged the call (a forbidden phrase, a failed script, a complaint risk): `speech.samplingWeight`. */
  flagged: number;
}

export const NO_TARGETING: SamplingWeights = { poorRating: 0, longHold: 0, longRing: 0, flagged: 0 };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The weights a sampling run ranks calls by (issue 7 §3): the policy's `sampling.poorRatingWeight`, `longHoldWeight` and
 * `longRingWeight` (4, 2, 1 by default) and speech QA's flag weight (8). Targeting off weighs nothing, so calls are
 * taken in hash order alone. A stored policy is merged section by section, so a mistyped weight (not a whole number
 * ≥ 0) would reach here: it falls back to its default rather than reaching the SQL.
 */
export function samplingWeights(policy: Pick<QaPolicy, 'sampling' | 'speech'>, targeting: boolean): SamplingWeights {
  if (!targeting) return NO_TARGETING;
  const s = policy.sampling;
  const d = DEFAULT_QA_POLICY.sampling;
  return {
    poorRating: isCount(s.poorRatingWeight) ? s.poorRatingWeight : d.poorRatingWeight,
    longHold: isCount(s.longHoldWeight) ? s.longHoldWeight : d.longHoldWeight,
    longRing: isCount(s.longRingWeight) ? s.longRingWeight : d.longRingWeight,
    flagged: readSpeechPolicy(policy.speech).samplingWeight,
  };
}
