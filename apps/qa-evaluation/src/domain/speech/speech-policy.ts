import type { AnswerValue } from '../forms/form';
import { isRecord } from '../validation/problems';
import type { Speaker, TranscriptLimits } from './transcript';

/**
 * The speech checks of a tenant, versioned with the QA policy (`qa.speech`). Each check is data: a type, the
 * numbers it decides by, the form item its outcome answers (or only informs), the kind of hit it reports
 * (`signal`), whether a failure flags the call for sampling and whether its hits raise an alert
 * (`alerts.qa.<signal>`, id `qa:auto:<callId>:<signal>`).
 */
interface CheckBase {
  id: string;
  /** The kind of its hits: `script`, `forbidden-phrase`, `complaint-risk`, … (the agent summary counts these three). */
  signal: string;
  /** The form item the outcome answers or informs; null for signals that score nobody (the customer's words). */
  itemId: string | null;
  /**
   * The item's value when the check passes or fails; null leaves the item to people (the hits are still shown).
   * Default: true / false for a yes/no item, null for any other.
   */
  answers?: { pass?: AnswerValue | null; fail?: AnswerValue | null };
  /** A failed check puts the call first in sampling. */
  flags?: boolean;
  /** Its hits raise `alerts.qa.<signal>` once per call. */
  alert?: boolean;
}

/** One of `phrases` said by `speaker` (within the first or last `seconds` of the recording, when a window is given). */
export interface PhrasePresentCheck extends CheckBase {
  type: 'phrase-present';
  speaker: Speaker;
  phrases: string[];
  window?: { from: 'start' | 'end'; seconds: number };
}

/** None of `phrases` said by `speaker`; every occurrence is a hit. */
export interface PhraseAbsentCheck extends CheckBase {
  type: 'phrase-absent';
  speaker: Speaker;
  phrases: string[];
}

/**
 * numerator / (numerator + denominator) ≥ `min` in `speaker`'s speech, judged from `minCount` occurrences on.
 * `character` counts the characters wherever they stand (您 and 你 hide inside the words the segmenter makes:
 * 您好, 为您服务, 谢谢您); `word` counts whole words only.
 */
export interface RatioCheck extends CheckBase {
  type: 'ratio';
  speaker: Speaker;
  numerator: string[];
  denominator: string[];
  unit: 'character' | 'word';
  min: number;
  minCount: number;
}

/** Dead air: no one speaks for more than `maxSilenceMs` after the customer spoke (the caller waits). More than `maxCount` fails. */
export interface SilenceCheck extends CheckBase {
  type: 'silence';
  maxSilenceMs: number;
  maxCount: number;
}

/** The agent starts while the customer is still speaking (by at least `minOverlapMs`). More than `maxCount` fails. */
export interface InterruptionCheck extends CheckBase {
  type: 'interruption';
  minOverlapMs: number;
  maxCount: number;
}

/** `speaker`'s characters (Han characters, letters and digits) per minute of their speech, within [min, max]. */
export interface SpeechRateCheck extends CheckBase {
  type: 'speech-rate';
  speaker: Speaker;
  minPerMinute: number;
  maxPerMinute: number;
  /** Segments shorter than this are too short to show a rate of their own as evidence. */
  minSegmentMs: number;
}

export type SpeechCheck = PhrasePresentCheck | PhraseAbsentCheck | RatioCheck | SilenceCheck | InterruptionCheck | SpeechRateCheck;
export const CHECK_TYPES = ['phrase-present', 'phrase-absent', 'ratio', 'silence', 'interruption', 'speech-rate'] as const;

export interface SpeechPolicy {
  /** Recording channel → speaker, for recognisers that report channels (Alibaba Cloud); an unnamed channel is the customer. */
  channelSpeakers: Record<string, Speaker>;
  /** The tenant's words (product names …), segmented whole so a forbidden phrase never matches inside one. */
  dictionary: string[];
  checks: SpeechCheck[];
  /** Sampling priority added to a flagged call (the policy's other sampling weights add 4 + 2 + 1 by default). */
  samplingWeight: number;
  limits: TranscriptLimits & {
    /** Hits kept per check and call (all are counted). */
    maxHitsPerCheck: number;
    /** Transcripts one `POST /v1/transcripts` may carry as an array. */
    maxTranscriptsPerRequest: number;
  };
}

/** rules.md §3 and §8 on the seeded call-QA form (`CALL_QA_FORM`): every phrase and number a policy default. */
export const DEFAULT_SPEECH_POLICY: SpeechPolicy = {
  channelSpeakers: { 0: 'agent', 1: 'customer' },
  dictionary: [],
  checks: [
    { id: 'opening-script', type: 'phrase-present', signal: 'script', itemId: 'opening-script', speaker: 'agent', phrases: ['您好,很高兴为您服务!'], window: { from: 'start', seconds: 15 }, flags: true },
    { id: 'closing-script', type: 'phrase-present', signal: 'script', itemId: 'closing-script', speaker: 'agent', phrases: ['谢谢您的来电,请您对我的服务进行评价!'], window: { from: 'end', seconds: 30 }, flags: true },
    { id: 'goodbye', type: 'phrase-present', signal: 'courtesy', itemId: 'must-goodbye', speaker: 'agent', phrases: ['再见'], window: { from: 'end', seconds: 20 } },
    { id: 'forbidden-refusal', type: 'phrase-absent', signal: 'forbidden-phrase', itemId: 'dont-harsh-words', speaker: 'agent', phrases: ['不行', '不知道', '不可以'], flags: true, alert: true },
    { id: 'forbidden-shirking', type: 'phrase-absent', signal: 'forbidden-phrase', itemId: 'dont-shirk', speaker: 'agent', phrases: ['这不是我负责', '我不清楚'], flags: true, alert: true },
    { id: 'nin-ratio', type: 'ratio', signal: 'politeness', itemId: 'must-nin', speaker: 'agent', numerator: ['您'], denominator: ['你'], unit: 'character', min: 0.8, minCount: 3 },
    { id: 'dead-air', type: 'silence', signal: 'dead-air', itemId: 'patience-respect', maxSilenceMs: 10_000, maxCount: 0 },
    { id: 'interruptions', type: 'interruption', signal: 'interruption', itemId: 'patience-respect', minOverlapMs: 500, maxCount: 2 },
    { id: 'speech-rate', type: 'speech-rate', signal: 'speech-rate', itemId: 'service-skill', speaker: 'agent', minPerMinute: 120, maxPerMinute: 300, minSegmentMs: 3_000 },
    { id: 'complaint-risk', type: 'phrase-absent', signal: 'complaint-risk', itemId: null, speaker: 'customer', phrases: ['投诉', '不满意'], flags: true, alert: true },
  ],
  samplingWeight: 8,
  limits: { maxSegments: 20_000, maxTextLength: 4_000, maxDurationMs: 12 * 60 * 60 * 1_000, maxHitsPerCheck: 50, maxTranscriptsPerRequest: 100 },
};

const SPEAKER_SET: readonly string[] = ['agent', 'customer'];
const isSpeaker = (v: unknown): v is Speaker => SPEAKER_SET.includes(v as string);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const words = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.length <= 500 && v.every((w) => typeof w === 'string' && w.trim() !== '' && w.length <= 200);
const isAnswer = (v: unknown) => v === null || v === 'na' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Why a stored check cannot be run (null when it can); a check that cannot run is left out, never guessed at. */
export function checkProblem(c: unknown): string | null {
  if (!isRecord(c)) return 'not an object';
  if (typeof c.id !== 'string' || !c.id || typeof c.signal !== 'string' || !/^[a-z][a-z0-9-]{0,40}$/.test(c.signal)) return 'id and signal (lower-case, dashes) are required';
  if (c.itemId !== null && c.itemId !== undefined && typeof c.itemId !== 'string') return 'itemId must be a string or null';
  if (c.answers !== undefined && !(isRecord(c.answers) && isAnswer(c.answers.pass ?? null) && isAnswer(c.answers.fail ?? null))) return 'answers.pass / answers.fail must be form values or null';
  switch (c.type) {
    case 'phrase-present':
      if (c.window !== undefined && !(isRecord(c.window) && ['start', 'end'].includes(c.window.from as string) && isNumber(c.window.seconds))) return 'window must be { from: start|end, seconds }';
      return isSpeaker(c.speaker) && words(c.phrases) ? null : 'speaker and phrases are required';
    case 'phrase-absent':
      return isSpeaker(c.speaker) && words(c.phrases) ? null : 'speaker and phrases are required';
    case 'ratio':
      return isSpeaker(c.speaker) && words(c.numerator) && words(c.denominator) && ['character', 'word'].includes(c.unit as string) && isNumber(c.min) && c.min <= 1 && isCount(c.minCount)
        ? null : 'speaker, numerator, denominator, unit (character|word), min (0–1) and minCount are required';
    case 'silence':
      return isCount(c.maxSilenceMs) && isCount(c.maxCount) ? null : 'maxSilenceMs and maxCount are required';
    case 'interruption':
      return isCount(c.minOverlapMs) && isCount(c.maxCount) ? null : 'minOverlapMs and maxCount are required';
    case 'speech-rate':
      return isSpeaker(c.speaker) && isNumber(c.minPerMinute) && isNumber(c.maxPerMinute) && c.minPerMinute <= c.maxPerMinute && isCount(c.minSegmentMs)
        ? null : 'speaker, minPerMinute ≤ maxPerMinute and minSegmentMs are required';
    default:
      return `type must be one of ${CHECK_TYPES.join(', ')}`;
  }
}

/**
 * The speech section of a stored policy, field by field over the defaults: a mistyped field keeps its default
 * and a check that cannot run is left out, so a bad edit never stops the checking of every call.
 */
export function readSpeechPolicy(raw: unknown): SpeechPolicy {
  if (!isRecord(raw)) return structuredClone(DEFAULT_SPEECH_POLICY);
  // The policy store hands out the same object until the policy changes: read it once (callers never change it).
  let read = READ.get(raw);
  if (!read) READ.set(raw, (read = readSection(raw)));
  return read;
}

const READ = new WeakMap<object, SpeechPolicy>();

function readSection(raw: Record<string, unknown>): SpeechPolicy {
  const d = DEFAULT_SPEECH_POLICY;
  const channels = isRecord(raw.channelSpeakers) && Object.entries(raw.channelSpeakers).every(([k, v]) => /^\d{1,3}$/.test(k) && isSpeaker(v))
    ? (raw.channelSpeakers as Record<string, Speaker>) : d.channelSpeakers;
  const dictionary = Array.isArray(raw.dictionary) && raw.dictionary.length <= 10_000 && raw.dictionary.every((w) => typeof w === 'string' && w.trim() !== '' && w.length <= 50 && !/\s/.test(w.trim()))
    ? (raw.dictionary as string[]).map((w) => w.trim()) : d.dictionary;
  const checks = Array.isArray(raw.checks) ? (raw.checks.filter((c) => checkProblem(c) === null) as SpeechCheck[]) : d.checks;
  const limits = isRecord(raw.limits) ? raw.limits : {};
  const limit = (key: keyof SpeechPolicy['limits']) => (isCount(limits[key]) && (limits[key] as number) > 0 ? (limits[key] as number) : d.limits[key]);
  return structuredClone({
    channelSpeakers: channels,
    dictionary,
    checks,
    samplingWeight: isCount(raw.samplingWeight) ? raw.samplingWeight : d.samplingWeight,
    limits: {
      maxSegments: limit('maxSegments'), maxTextLength: limit('maxTextLength'), maxDurationMs: limit('maxDurationMs'),
      maxHitsPerCheck: limit('maxHitsPerCheck'), maxTranscriptsPerRequest: limit('maxTranscriptsPerRequest'),
    },
  });
}

/** The alert kinds (`qa.<signal>`) a policy's checks may raise. */
export function alertKinds(policy: SpeechPolicy): string[] {
  return [...new Set(policy.checks.filter((c) => c.alert).map((c) => `qa.${c.signal}`))];
}
