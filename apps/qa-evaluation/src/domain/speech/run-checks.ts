import type { Hit, OutcomeSummary } from '@app/contracts/qa/speech';
import type { PhraseAbsentCheck, PhrasePresentCheck, RatioCheck, SpeechCheck, SpeechPolicy } from './speech-policy';
import { findPhrase, wordsBetween, wordText, type WordSegmenter, type WordText } from './words';
import type { Segment, Speaker } from './transcript';
import { interruptions, silences, speechRate } from './timing-checks';

export type { Hit } from '@app/contracts/qa/speech';

/** A check's outcome with the hits it found (at most the policy's `maxHitsPerCheck`; `hitCount` counts them all). */
export interface CheckOutcome extends OutcomeSummary {
  hits: Hit[];
}

/** A transcript's segments with their words, cut once and shared by every check. */
export class TranscriptWords {
  private all?: string[][];
  private readonly folded = new Map<string, string>();
  private readonly turnCache = new Map<string, Array<{ turn: number[]; text: WordText; ends: number[] }>>();
  readonly endMs: number;

  constructor(readonly segments: readonly Segment[], private readonly segmenter: WordSegmenter) {
    this.endMs = segments.reduce((m, s) => Math.max(m, s.endMs), 0);
  }

  words(i: number): string[] {
    this.all ??= this.segmenter.wordsOfEach(this.segments.map((s) => s.text));
    return this.all[i];
  }

  /** A policy word or phrase folded as the transcript's text is (once per transcript). */
  fold(text: string): string {
    let f = this.folded.get(text);
    if (f === undefined) this.folded.set(text, (f = this.segmenter.fold(text)));
    return f;
  }

  private readonly speakers = new Set<Speaker>();

  speaks(speaker: Speaker): boolean {
    if (this.speakers.size === 0) for (const s of this.segments) this.speakers.add(s.speaker);
    return this.speakers.has(speaker);
  }

  /**
   * The speaker's turns among the segments `keep` lets through: runs of their segments with no other
   * segment between them. A phrase split over two segments of one turn (a recogniser's sentence break) still matches.
   */
  turns(speaker: Speaker, keep?: (s: Segment) => boolean): number[][] {
    const turns: number[][] = [];
    let turn: number[] = [];
    for (let i = 0; i < this.segments.length; i++) {
      const s = this.segments[i];
      if (s.speaker === speaker && (!keep || keep(s))) {
        turn.push(i);
        continue;
      }
      if (turn.length) turns.push(turn);
      turn = [];
    }
    if (turn.length) turns.push(turn);
    return turns;
  }

  /** Each turn's words as one text, with the offset where each of its segments ends (shared by checks with the same view). */
  turnTexts(key: string, speaker: Speaker, keep?: (s: Segment) => boolean) {
    let texts = this.turnCache.get(key);
    if (!texts) {
      texts = this.turns(speaker, keep).map((turn) => {
        const words = turn.flatMap((i) => this.words(i));
        const ends: number[] = [];
        let at = 0;
        for (const i of turn) {
          for (const w of this.words(i)) at += w.length;
          ends.push(at);
        }
        return { turn, text: wordText(words), ends };
      });
      this.turnCache.set(key, texts);
    }
    return texts;
  }
}

function phraseHits(t: TranscriptWords, check: PhrasePresentCheck | PhraseAbsentCheck, view: { key: string; keep?: (s: Segment) => boolean }): Hit[] {
  const hits: Hit[] = [];
  const phrases = [...new Set(check.phrases)].map((p) => ({ phrase: p, folded: t.fold(p) })).filter((p) => p.folded !== '');
  for (const { turn, text, ends } of t.turnTexts(`${check.speaker}|${view.key}`, check.speaker, view.keep)) {
    const segmentAt = (offset: number) => {
      const k = ends.findIndex((e) => offset < e);
      return turn[k < 0 ? turn.length - 1 : k];
    };
    for (const { phrase, folded } of phrases) {
      for (const [start, end] of findPhrase(text, folded)) {
        const first = segmentAt(start);
        const last = segmentAt(end - 1);
        hits.push({ check: check.id, kind: check.signal, segment: first, startMs: t.segments[first].startMs, endMs: t.segments[last].endMs, matched: wordsBetween(text, start, end), phrase });
      }
    }
  }
  return hits.sort((a, b) => a.segment - b.segment || a.startMs - b.startMs);
}

function windowOf(t: TranscriptWords, check: PhrasePresentCheck): { key: string; keep?: (s: Segment) => boolean } {
  const w = check.window;
  if (!w) return { key: 'all' };
  const ms = w.seconds * 1000;
  // A segment that starts before N s is in the first N s; one that ends after (end − N s) is in the last N s.
  return { key: `${w.from}:${ms}`, keep: w.from === 'start' ? (s) => s.startMs < ms : (s) => s.endMs > t.endMs - ms };
}

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); needle && at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

function ratio(t: TranscriptWords, check: RatioCheck, hitsKept: number): CheckOutcome {
  const numerator = check.numerator.map((w) => t.fold(w));
  const denominator = check.denominator.map((w) => t.fold(w));
  const count = (text: WordText, list: string[], matched?: string[]): number => {
    let n = 0;
    for (const folded of list) {
      const k = check.unit === 'character' ? countOccurrences(text.content, folded) : findPhrase(text, folded).length;
      n += k;
      for (let j = 0; matched && j < k; j++) matched.push(folded);
    }
    return n;
  };
  let num = 0;
  let den = 0;
  const hits: Hit[] = [];
  t.segments.forEach((s, i) => {
    if (s.speaker !== check.speaker) return;
    const text = wordText(t.words(i));
    num += count(text, numerator);
    const matched: string[] = [];
    const d = count(text, denominator, matched);
    den += d;
    if (d > 0) hits.push({ check: check.id, kind: check.signal, segment: i, startMs: s.startMs, endMs: s.endMs, matched });
  });
  const total = num + den;
  const value = total === 0 ? 0 : num / total;
  const passed = !t.speaks(check.speaker) || total < check.minCount ? null : value >= check.min;
  return { ...base(check), passed, hits: hits.slice(0, hitsKept), hitCount: hits.length, measured: { numerator: num, denominator: den, ratio: Math.round(value * 10_000) / 10_000 } };
}

const base = (c: SpeechCheck) => ({ check: c.id, signal: c.signal, itemId: c.itemId ?? null });

function outcomeOf(t: TranscriptWords, check: SpeechCheck, hitsKept: number): CheckOutcome {
  const done = (passed: boolean | null, hits: Hit[], measured?: Record<string, number>): CheckOutcome => ({
    ...base(check), passed, hits: hits.slice(0, hitsKept), hitCount: hits.length, ...(measured ? { measured } : {}),
  });
  switch (check.type) {
    case 'phrase-present': {
      if (!t.speaks(check.speaker)) return done(null, []);
      const hits = phraseHits(t, check, windowOf(t, check));
      return done(hits.length > 0, hits);
    }
    case 'phrase-absent': {
      if (!t.speaks(check.speaker)) return done(null, []);
      const hits = phraseHits(t, check, { key: 'all' });
      return done(hits.length === 0, hits);
    }
    case 'ratio':
      return ratio(t, check, hitsKept);
    case 'silence': {
      const hits = silences(t.segments, check);
      return done(t.segments.length === 0 ? null : hits.length <= check.maxCount, hits);
    }
    case 'interruption': {
      const hits = interruptions(t.segments, check);
      return done(!t.speaks('agent') || !t.speaks('customer') ? null : hits.length <= check.maxCount, hits);
    }
    case 'speech-rate': {
      const r = speechRate(t, check);
      if (r.perMinute === null) return done(null, []);
      return done(r.perMinute >= check.minPerMinute && r.perMinute <= check.maxPerMinute, r.hits, { perMinute: r.perMinute });
    }
  }
}

/**
 * Every check of the policy on one transcript (segments in time order). Pure: the same transcript, policy and
 * segmenter give the same outcomes, each with its hits as evidence.
 */
export function runChecks(segments: readonly Segment[], policy: SpeechPolicy, segmenter: WordSegmenter): CheckOutcome[] {
  const t = new TranscriptWords(segments, segmenter);
  return policy.checks.map((check) => outcomeOf(t, check, policy.limits.maxHitsPerCheck));
}
