import type { AutoEvaluationView, Hit, OutcomeSummary, Segment, TranscriptView } from '@app/contracts/qa/speech';
import type { AnswerValue, FormItem, FormVersion } from './form-types';

/**
 * A call's transcript and the machine's evaluation as qa-evaluation serves them (`GET /v1/transcripts/{callId}`,
 * `GET /v1/auto-evaluations/{callId}`), and what the console makes of them: lines by speaker with their hits,
 * the machine's answers on the form, where playback is. The served shapes are declared once, with the service;
 * imported by their file, not the contracts index, so the bundle takes only them.
 */
export type { Evidence, Hit, Segment } from '@app/contracts/qa/speech';
export type Transcript = TranscriptView;
export type AutoEvaluation = AutoEvaluationView;
export type CheckOutcome = OutcomeSummary;

/** How a hit is shown: a forbidden phrase red, a complaint risk orange, a script phrase found green, anything else blue. */
export type Tone = 'forbidden' | 'risk' | 'script' | 'other';

const TONE_ORDER: Tone[] = ['forbidden', 'risk', 'script', 'other'];

export function toneOf(kind: string): Tone {
  if (kind === 'forbidden-phrase') return 'forbidden';
  if (kind === 'complaint-risk') return 'risk';
  if (kind === 'script') return 'script';
  return 'other';
}

/** The tone a line shows when several hits fall on it: the most serious. */
export function strongest(tones: Tone[]): Tone | null {
  return TONE_ORDER.find((t) => tones.includes(t)) ?? null;
}

export interface TextPart {
  text: string;
  tone: Tone | null;
}

export interface TranscriptLine extends Segment {
  index: number;
  hits: Hit[];
  tone: Tone | null;
  /** The text cut where a hit's words are, for highlighting them. */
  parts: TextPart[];
}

/**
 * The transcript's lines with the hits on each: a hit marks the segment it starts in and the same speaker's
 * segments inside its span (a phrase the recogniser split over two sentences marks both).
 */
export function transcriptLines(segments: readonly Segment[], hits: readonly Hit[]): TranscriptLine[] {
  const on = segments.map(() => [] as Hit[]);
  for (const h of hits) {
    const first = segments[h.segment];
    if (!first) continue;
    segments.forEach((s, i) => {
      if (i === h.segment || (s.speaker === first.speaker && s.startMs >= h.startMs && s.endMs <= h.endMs && h.matched.length > 0)) on[i].push(h);
    });
  }
  return segments.map((s, index) => ({
    ...s,
    index,
    hits: on[index],
    tone: strongest(on[index].map((h) => toneOf(h.kind))),
    parts: highlight(s.text, on[index]),
  }));
}

/**
 * The text in parts, the words a hit matched marked with its tone (the policy phrase, the matched words run
 * together, or each matched word, whichever the text holds). Words the recogniser folded (full-width, traditional
 * characters) may not be found: the line stays marked as a whole.
 */
export function highlight(text: string, hits: readonly Hit[]): TextPart[] {
  const marks: Array<{ from: number; to: number; tone: Tone }> = [];
  const lower = text.toLowerCase();
  for (const h of hits) {
    const tone = toneOf(h.kind);
    const needles = [h.phrase, h.matched.join(''), h.matched.join(' '), ...h.matched].filter((n): n is string => Boolean(n && n.trim()));
    for (const needle of [...new Set(needles.map((n) => n.toLowerCase()))]) {
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) marks.push({ from: at, to: at + needle.length, tone });
    }
  }
  if (!marks.length) return [{ text, tone: null }];
  // Each character takes the most serious tone over it; runs of one tone become one part.
  const toneAt: Array<Tone | null> = Array.from({ length: text.length }, () => null);
  for (const m of marks) for (let i = m.from; i < m.to; i++) toneAt[i] = strongest([toneAt[i], m.tone].filter((t): t is Tone => t !== null));
  const parts: TextPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.tone === toneAt[i]) last.text += text[i];
    else parts.push({ text: text[i], tone: toneAt[i] });
  }
  return parts;
}

/** The line being played at `ms`: the last one started by then (null before the first). Lines are in time order. */
export function lineAt(lines: ReadonlyArray<Pick<Segment, 'startMs'>>, ms: number): number | null {
  let lo = 0;
  let hi = lines.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].startMs <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A time in a recording: m:ss, or h:mm:ss past the hour (down to the second, as a player shows it). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Counts of hits by tone, for the summary above the transcript (the service's own counts when it sends them). */
export function hitSummary(auto: Pick<AutoEvaluation, 'hits'> & Partial<Pick<AutoEvaluation, 'hitCounts'>>): Array<{ kind: string; tone: Tone; count: number }> {
  const counts = auto.hitCounts && Object.keys(auto.hitCounts).length ? auto.hitCounts : auto.hits.reduce<Record<string, number>>((c, h) => ({ ...c, [h.kind]: (c[h.kind] ?? 0) + 1 }), {});
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, count]) => ({ kind, tone: toneOf(kind), count }))
    .sort((a, b) => TONE_ORDER.indexOf(a.tone) - TONE_ORDER.indexOf(b.tone) || a.kind.localeCompare(b.kind));
}

/** Script checks the call failed (a required phrase never said): they have no line to mark, so they are listed. */
export function scriptMisses(outcomes: readonly CheckOutcome[] | undefined): CheckOutcome[] {
  return (outcomes ?? []).filter((o) => o.signal === 'script' && o.passed === false);
}

/** Whether a value is one the item can take (the machine's answer for another form version may not be). */
export function fitsItem(item: FormItem, value: unknown): value is AnswerValue {
  if (value === 'na') return item.naAllowed;
  if (item.type === 'yesno') return typeof value === 'boolean';
  return typeof value === 'number' && Number.isFinite(value) && value >= (item.minPoints ?? 0) && value <= item.maxPoints;
}

/** The machine's answers for the items of the form on screen that it answered with a value the item takes. */
export function machineAnswers(auto: Pick<AutoEvaluation, 'items'> | null | undefined, form: FormVersion | null): Record<string, AnswerValue> {
  if (!auto || !form) return {};
  const items = new Map(form.sections.flatMap((s) => s.items).map((i) => [i.itemId, i]));
  const out: Record<string, AnswerValue> = {};
  for (const a of auto.items) {
    const item = items.get(a.itemId);
    if (item && fitsItem(item, a.answer)) out[a.itemId] = a.answer;
  }
  return out;
}

/** The form pre-filled: the machine's answers, under any the evaluator has already given (theirs stand). */
export function prefilled(answers: Record<string, AnswerValue | undefined>, machine: Record<string, AnswerValue>): Record<string, AnswerValue | undefined> {
  const own = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
  return { ...machine, ...own };
}

/** Whose an item's answer is: the machine's as it gave it ("auto / 机器"), the machine's changed by the evaluator, or neither. */
export function originOf(itemId: string, answers: Record<string, AnswerValue | undefined>, machine: Record<string, AnswerValue>): 'auto' | 'overridden' | null {
  if (!(itemId in machine)) return null;
  return answers[itemId] === machine[itemId] ? 'auto' : 'overridden';
}
