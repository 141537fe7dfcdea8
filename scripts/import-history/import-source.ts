import { open, stat } from 'node:fs/promises';
import type { ImportMode } from './checkpoint';
import { ctrArrayChunks, MAX_CTR_RECORDS_PER_REQUEST, readCtrArray, readCtrLine } from './ctr-records';
import type { ImportOptions } from './import-options';
import { readLineChunks, type ChunkLimits, type FilePosition, type LineChunk } from './line-chunker';
import type { LineReading } from './prepared-chunk';
import { readQueueLogLine } from './queue-log-line';

/** A file to import, whichever kind: how to read it in chunks and where to send them. */
export interface ImportSource {
  mode: ImportMode;
  /** Bytes of the file now (records, for a JSON array): the 100 % of the progress bar. */
  size: number;
  route: { path: string; contentType: string };
  chunks(from: FilePosition): AsyncIterable<LineChunk> | Iterable<LineChunk>;
  read(line: Buffer): LineReading;
  /** Share done once `at` is reached. */
  fraction(at: FilePosition): number;
}

const QUEUE_LOG_ROUTE = { path: '/v1/call-events/asterisk-queue-log', contentType: 'text/plain; charset=utf-8' };
/** NDJSON even for a JSON array file: the route takes 32 MB of it, against 4 MB of JSON. */
const CTR_ROUTE = { path: '/v1/call-events/amazon-connect-ctr', contentType: 'application/x-ndjson' };

/** A CTR file is a JSON array when its first character that is not whitespace (or a byte-order mark) is '['. */
async function startsWithBracket(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return text.trimStart().startsWith('[');
  } finally {
    await handle.close();
  }
}

/** The source, or why the file cannot be imported (a usage problem: exit 2). */
export async function openSource(o: ImportOptions): Promise<ImportSource | { problem: string }> {
  let size: number;
  try {
    const s = await stat(o.file);
    if (!s.isFile()) return { problem: `${o.file} is not a file / 不是文件` };
    size = s.size;
  } catch {
    return { problem: `${o.file} cannot be read / 无法读取文件` };
  }
  const lines = (limits: ChunkLimits) => (from: FilePosition) => readLineChunks(o.file, limits, from);
  const byBytes = (at: FilePosition) => (size === 0 ? 1 : Math.min(1, at.offset / size));
  if (o.kind === 'queue-log') {
    return { mode: 'queue-log', size, route: QUEUE_LOG_ROUTE, chunks: lines({ maxLines: o.chunkLines, maxBytes: o.chunkBytes }), read: readQueueLogLine, fraction: byBytes };
  }
  const limits = { maxLines: Math.min(o.chunkLines, MAX_CTR_RECORDS_PER_REQUEST), maxBytes: o.chunkBytes };
  if (!(await startsWithBracket(o.file))) return { mode: 'ctr-ndjson', size, route: CTR_ROUTE, chunks: lines(limits), read: readCtrLine, fraction: byBytes };
  const array = await readCtrArray(o.file, size);
  if ('problem' in array) return array;
  const { records } = array;
  return {
    mode: 'ctr-array',
    size: records.length,
    route: CTR_ROUTE,
    chunks: (from) => ctrArrayChunks(records, limits, from.line),
    read: readCtrLine,
    fraction: (at) => (records.length === 0 ? 1 : (at.line - 1) / records.length),
  };
}
