import type { RecordingData } from '../domain/events/call-event';
import { recordingErrors } from '../domain/events/recording';
import { DEFAULT_TELEPHONY_POLICY } from '../domain/telephony-policy';
import { isObject, type Json } from './connect-ctr-reader';

/** Amazon Connect records a call in stereo, the customer on one channel and the agent on the other. */
const CONNECT_CHANNELS = 2;

const s3Uri = (location: string) => (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location) ? location : `s3://${location.replace(/^\/+/, '')}`);
const extension = (location: string) => /\.([A-Za-z0-9]{1,8})$/.exec(location)?.[1]?.toLowerCase();

/** The audio recording entries of `Recordings[]` (newer CTRs), usable ones first. */
function fromRecordings(r: Json): RecordingData | undefined {
  const list = Array.isArray(r.Recordings) ? r.Recordings.filter(isObject) : [];
  for (const e of list) {
    if (typeof e.Location !== 'string' || e.Location === '') continue;
    if (e.MediaStreamType !== undefined && e.MediaStreamType !== null && e.MediaStreamType !== 'AUDIO') continue;
    if (e.StorageType !== undefined && e.StorageType !== null && e.StorageType !== 'S3') continue;
    if (e.Status === 'DELETED') continue;
    const start = typeof e.StartTimestamp === 'string' ? Date.parse(e.StartTimestamp) : NaN;
    const stop = typeof e.StopTimestamp === 'string' ? Date.parse(e.StopTimestamp) : NaN;
    return withFormat({ uri: s3Uri(e.Location), channels: CONNECT_CHANNELS, ...(stop >= start ? { durationMs: stop - start } : {}) }, e.Location);
  }
  return undefined;
}

/** The older single `Recording { Location, Type, Status }`. */
function fromRecording(r: Json): RecordingData | undefined {
  const rec = r.Recording;
  if (!isObject(rec) || typeof rec.Location !== 'string' || rec.Location === '') return undefined;
  if (rec.Type !== undefined && rec.Type !== null && rec.Type !== 'AUDIO') return undefined;
  if (rec.Status === 'DELETED') return undefined;
  return withFormat({ uri: s3Uri(rec.Location), channels: CONNECT_CHANNELS }, rec.Location);
}

function withFormat(recording: RecordingData, location: string): RecordingData {
  const format = extension(location);
  return format ? { ...recording, format } : recording;
}

/**
 * The contact's call recording from its CTR (`Recordings[]`, else `Recording.Location`, an S3 `bucket/key`),
 * or undefined. A recording the canonical event would refuse (an unprintable or overlong location) is left
 * out rather than costing the call its end event.
 */
export function connectRecording(r: Json): RecordingData | undefined {
  const recording = fromRecordings(r) ?? fromRecording(r);
  if (!recording) return undefined;
  return recordingErrors(recording, 'recording', DEFAULT_TELEPHONY_POLICY).length === 0 ? recording : undefined;
}
