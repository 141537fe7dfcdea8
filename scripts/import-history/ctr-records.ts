import { readFile } from 'node:fs/promises';
import type { ChunkLimits, LineChunk } from './line-chunker';
import type { LineReading } from './prepared-chunk';

/** The service takes at most this many records a request (telephony policy `maxCtrRecordsPerRequest`). */
export const MAX_CTR_RECORDS_PER_REQUEST = 1_000;
/** A JSON array is parsed whole; past this, the file must be NDJSON (streamed a line at a time). */
export const MAX_CTR_ARRAY_BYTES = 64 * 1024 * 1024;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** When the contact happened: initiation, else when it queued, ended or was last updated (what the record holds). */
export function ctrInstant(record: unknown): number | undefined {
  if (!isObject(record)) return undefined;
  const queue = isObject(record.Queue) ? record.Queue : {};
  for (const value of [record.InitiationTimestamp, queue.EnqueueTimestamp, record.DisconnectTimestamp, record.LastUpdateTimestamp]) {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isFinite(ms)) return ms;
  }
  return undefined;
}

/** One NDJSON line: every record is a call; a line that is not JSON is sent anyway, for the service to report. */
export function readCtrLine(line: Buffer): LineReading {
  try {
    return { epochMs: ctrInstant(JSON.parse(line.toString('utf8'))), isCall: true };
  } catch {
    return { isCall: true };
  }
}

/** A JSON array file's records, or why it cannot be read. */
export async function readCtrArray(path: string, size: number): Promise<{ records: unknown[] } | { problem: string }> {
  if (size >= MAX_CTR_ARRAY_BYTES) {
    return { problem: `${path} is a JSON array of ${Math.round(size / 1048576)} MB; arrays are read whole, up to 64 MB. Write it as NDJSON (one record a line), e.g. jq -c '.[]' ${path} > ctr.ndjson / JSON 数组文件超过 64 MB，请改为 NDJSON（每行一条记录）` };
  }
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!Array.isArray(parsed)) return { problem: `${path} is neither a JSON array nor NDJSON / 文件既不是 JSON 数组也不是 NDJSON` };
    return { records: parsed };
  } catch (err) {
    return { problem: `${path} starts with '[' but is not valid JSON: ${(err as Error).message.slice(0, 200)} / 文件不是有效的 JSON` };
  }
}

/**
 * A JSON array's records as chunks of NDJSON lines (the NDJSON route takes 32 MB; the JSON one 4 MB),
 * numbered from 1 so a checkpoint's `line` is the next record. Offsets stay 0: the file is read whole.
 */
export function* ctrArrayChunks(records: unknown[], limits: ChunkLimits, fromRecord = 1): Generator<LineChunk> {
  let lines: Buffer[] = [];
  let bytes = 0;
  let first = fromRecord;
  for (let i = fromRecord - 1; i < records.length; i++) {
    const line = Buffer.from(`${JSON.stringify(records[i] ?? null)}\n`);
    if (lines.length > 0 && (lines.length >= limits.maxLines || bytes + line.length > limits.maxBytes)) {
      yield { lines, startOffset: 0, endOffset: 0, firstLine: first, overlong: [] };
      first += lines.length;
      lines = [];
      bytes = 0;
    }
    lines.push(line);
    bytes += line.length;
  }
  if (lines.length > 0) yield { lines, startOffset: 0, endOffset: 0, firstLine: first, overlong: [] };
}
