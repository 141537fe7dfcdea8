import type { RecordingData } from './call-event';
import { CallEventLimits, FieldError, LIMIT_CODES, textProblem } from './call-event-limits';

/** Most audio channels a recording may claim (mono, stereo, a conference's few legs). */
export const RECORDING_MAX_CHANNELS = 32;
const FORMAT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$/;
// A URI with a scheme (s3://, file://, https://) or an absolute path on the recording server.
const URI = /^([A-Za-z][A-Za-z0-9+.-]*:|\/)/;

const bad = (path: string, message: string, code: string = LIMIT_CODES.recordingInvalid): FieldError => ({ path, code, message });

/**
 * Why `data.recording` is not a recording `{ uri, durationMs?, channels?, format? }`, one error per field;
 * empty when it is fine or absent. Fields other than these four are dropped, as unknown data fields are.
 */
export function recordingErrors(raw: unknown, path: string, l: CallEventLimits): FieldError[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [bad(path, 'recording must be an object { uri, durationMs?, channels?, format? } / 录音须为对象')];
  }
  const r = raw as Record<string, unknown>;
  const out: FieldError[] = [];
  if (typeof r.uri !== 'string' || r.uri === '') out.push(bad(`${path}.uri`, 'uri must be a non-empty string / 录音地址必填'));
  else {
    const text = textProblem(r.uri, 'uri', l.recordingUriMaxLength);
    if (text) out.push({ path: `${path}.uri`, ...text });
    else if (!URI.test(r.uri)) out.push(bad(`${path}.uri`, 'uri must have a scheme (s3://, file://, https://…) or be an absolute path / 录音地址须含协议或为绝对路径'));
  }
  const count = (key: 'durationMs' | 'channels', min: number, max: number) => {
    const v = r[key];
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      out.push(bad(`${path}.${key}`, `${key} must be a whole number from ${min} to ${max} / ${key} 须为 ${min}–${max} 的整数`, LIMIT_CODES.numberOutOfRange));
    }
  };
  count('durationMs', 0, l.maxReportedDurationMs);
  count('channels', 1, RECORDING_MAX_CHANNELS);
  if (r.format !== undefined && r.format !== null && (typeof r.format !== 'string' || !FORMAT.test(r.format))) {
    out.push(bad(`${path}.format`, 'format must be a short file type such as wav, mp3, gsm / format 须为文件类型, 如 wav'));
  }
  return out;
}

/** The four kept fields of an already valid recording (nulls and unknown fields dropped). */
export function keptRecording(raw: Record<string, unknown>): RecordingData {
  const out: RecordingData = { uri: raw.uri as string };
  if (typeof raw.durationMs === 'number') out.durationMs = raw.durationMs;
  if (typeof raw.channels === 'number') out.channels = raw.channels;
  if (typeof raw.format === 'string') out.format = raw.format;
  return out;
}
