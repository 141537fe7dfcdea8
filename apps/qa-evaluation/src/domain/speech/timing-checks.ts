import type { Hit, TranscriptWords } from './run-checks';
import type { InterruptionCheck, SilenceCheck, SpeechRateCheck } from './speech-policy';
import type { Segment } from './transcript';

/** CJK ideographs (the unified blocks, extension A, the compatibility block; B and later as surrogate pairs). */
function hanCount(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
    else if (c >= 0xd840 && c <= 0xd87f) {
      n++;
      i++;
    }
  }
  return n;
}

/**
 * Dead air while the caller waits: a gap longer than `maxSilenceMs` between the end of everything said so far
 * and the next segment, when the last to speak before it was the customer. The hit is the customer's segment,
 * spanning the silence.
 */
export function silences(segments: readonly Segment[], check: SilenceCheck): Hit[] {
  const hits: Hit[] = [];
  let lastEnd = -1;
  let lastIndex = -1;
  segments.forEach((s, i) => {
    if (lastIndex >= 0 && s.startMs - lastEnd > check.maxSilenceMs && segments[lastIndex].speaker === 'customer') {
      hits.push({ check: check.id, kind: check.signal, segment: lastIndex, startMs: lastEnd, endMs: s.startMs, matched: [], value: s.startMs - lastEnd });
    }
    if (s.endMs > lastEnd) {
      lastEnd = s.endMs;
      lastIndex = i;
    }
  });
  return hits;
}

/**
 * The agent starting while the customer still speaks: an agent segment that begins after a customer segment
 * began and at least `minOverlapMs` before it ended. One sweep over the segments in time order.
 */
export function interruptions(segments: readonly Segment[], check: InterruptionCheck): Hit[] {
  const hits: Hit[] = [];
  const customers = segments.filter((s) => s.speaker === 'customer'); // in start order, as `segments` are
  let next = 0;
  let customerEnd = -1; // the latest end among customer segments begun strictly before the agent's
  segments.forEach((s, i) => {
    if (s.speaker !== 'agent') return;
    while (next < customers.length && customers[next].startMs < s.startMs) customerEnd = Math.max(customerEnd, customers[next++].endMs);
    if (customerEnd - s.startMs >= check.minOverlapMs) {
      hits.push({ check: check.id, kind: check.signal, segment: i, startMs: s.startMs, endMs: Math.min(s.endMs, customerEnd), matched: [], value: customerEnd - s.startMs });
    }
  });
  return hits;
}

/** Characters a speaker said: each Han character, and each other word (a number, a Latin word) as one. */
function spoken(words: string[]): number {
  let n = 0;
  for (const w of words) {
    const han = hanCount(w);
    n += han > 0 ? han : 1;
  }
  return n;
}

const perMinute = (chars: number, ms: number) => Math.round((chars / ms) * 60_000 * 10) / 10;

/**
 * The speaker's rate over all their speech (characters per minute of segment time); when it is out of range,
 * the hits are their segments of at least `minSegmentMs` that are out of range the same way.
 */
export function speechRate(t: TranscriptWords, check: SpeechRateCheck): { perMinute: number | null; hits: Hit[] } {
  let chars = 0;
  let ms = 0;
  const own: Array<{ i: number; rate: number }> = [];
  t.segments.forEach((s, i) => {
    if (s.speaker !== check.speaker) return;
    const n = spoken(t.words(i));
    const d = s.endMs - s.startMs;
    chars += n;
    ms += d;
    if (d >= check.minSegmentMs) own.push({ i, rate: perMinute(n, d) });
  });
  if (ms === 0) return { perMinute: null, hits: [] };
  const rate = perMinute(chars, ms);
  const tooFast = rate > check.maxPerMinute;
  const tooSlow = rate < check.minPerMinute;
  const hits = own
    .filter((o) => (tooFast && o.rate > check.maxPerMinute) || (tooSlow && o.rate < check.minPerMinute))
    .map(({ i, rate: r }) => ({ check: check.id, kind: check.signal, segment: i, startMs: t.segments[i].startMs, endMs: t.segments[i].endMs, matched: [], value: r }));
  return { perMinute: rate, hits };
}
