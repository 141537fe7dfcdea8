import { problem } from '../validation/problems';
import { SEGMENT_CODES, SPEAKERS, type Segment, type SpeechProblem, type TranscriptLimits } from './transcript';

/** Where each canonical field came from in the input (a vendor's own field names), for the error paths. */
export type FieldPaths = Record<'item' | 'speaker' | 'startMs' | 'endMs' | 'text' | 'confidence', string>;

export const canonicalPaths = (at: string): FieldPaths => ({
  item: at, speaker: `${at}.speaker`, startMs: `${at}.startMs`, endMs: `${at}.endMs`, text: `${at}.text`, confidence: `${at}.confidence`,
});

// C0 controls except tab, newline and carriage return; DEL; lone UTF-16 surrogates (not text, not storable).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SENTIMENTS = ['positive', 'negative', 'neutral', 'mixed'] as const;

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * One segment `{ speaker, startMs, endMs, text, confidence? }` checked field by field: the segment, or every
 * reason it cannot be used. Other fields are dropped (a recogniser's extras are not errors).
 */
export function checkSegment(raw: unknown, paths: FieldPaths, limits: TranscriptLimits): { segment?: Segment; errors: SpeechProblem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { errors: [problem(SEGMENT_CODES.invalid, paths.item, 'a segment must be an object / 片段须为对象')] };
  }
  const r = raw as Record<string, unknown>;
  const errors: SpeechProblem[] = [];
  if (!SPEAKERS.includes(r.speaker as never)) {
    errors.push(problem(SEGMENT_CODES.speakerUnknown, paths.speaker, 'speaker must be "agent" or "customer" / 说话人须为 agent 或 customer'));
  }
  const times = { startMs: r.startMs, endMs: r.endMs };
  for (const [key, v] of Object.entries(times) as Array<['startMs' | 'endMs', unknown]>) {
    if (!isOffset(v)) errors.push(problem(SEGMENT_CODES.timeInvalid, paths[key], `${key} must be a whole number of ms ≥ 0 / ${key} 须为非负整数毫秒`));
    else if (v > limits.maxDurationMs) errors.push(problem(SEGMENT_CODES.timeOutOfRange, paths[key], `${key} is past the longest recording (${limits.maxDurationMs} ms) / ${key} 超出录音最长时长`));
  }
  if (isOffset(times.startMs) && isOffset(times.endMs) && times.endMs < times.startMs) {
    errors.push(problem(SEGMENT_CODES.timeInvalid, paths.endMs, 'endMs is before startMs / 结束时间早于开始时间'));
  }
  if (typeof r.text !== 'string' || r.text.trim() === '') errors.push(problem(SEGMENT_CODES.textInvalid, paths.text, 'text must be a non-empty string / 文本须为非空字符串'));
  else if (r.text.length > limits.maxTextLength) errors.push(problem(SEGMENT_CODES.textTooLong, paths.text, `text is longer than ${limits.maxTextLength} characters / 文本超过 ${limits.maxTextLength} 字`));
  else if (CONTROL.test(r.text) || LONE_SURROGATE.test(r.text)) errors.push(problem(SEGMENT_CODES.textNotPrintable, paths.text, 'text holds control characters or broken Unicode / 文本含控制字符或无效字符'));
  const c = r.confidence;
  if (c !== undefined && c !== null && (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1)) {
    errors.push(problem(SEGMENT_CODES.confidenceOutOfRange, paths.confidence, 'confidence must be a number from 0 to 1 / 置信度须在 0 与 1 之间'));
  }
  if (errors.length) return { errors };
  const segment: Segment = { speaker: r.speaker as Segment['speaker'], startMs: r.startMs as number, endMs: r.endMs as number, text: r.text as string };
  if (typeof c === 'number') segment.confidence = c;
  if (SENTIMENTS.includes(r.sentiment as never)) segment.sentiment = r.sentiment as Segment['sentiment'];
  return { segment, errors };
}
