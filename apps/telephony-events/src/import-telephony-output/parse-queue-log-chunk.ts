import type { AdapterResult } from '../adapters/adapter-result';
import type { MixMonitorFiles } from '../adapters/asterisk-call-verbs';
import { parseQueueLog } from '../adapters/asterisk-queue-log';
import type { LineChunk } from '../adapters/line-reader';

/**
 * A chunk's lines through the adapter, numbered as in the file. Over-long lines were dropped by
 * the reader before the adapter could see them; they are reported here as the adapter reports them.
 */
export function parseQueueLogChunk(chunk: LineChunk, maxLineLength: number, mixMonitor?: MixMonitorFiles): AdapterResult {
  const result = parseQueueLog(chunk.text, { maxLineLength, mixMonitor });
  const offset = chunk.firstLine - 1;
  result.ignored = result.ignored.map((i) => ({ ...i, line: i.line + offset }));
  const overlong = chunk.overlong.map((line) => ({ line, reason: `line longer than ${maxLineLength} characters` }));
  result.unparseable = [...result.unparseable.map((u) => ({ ...u, line: u.line + offset })), ...overlong].sort((a, b) => a.line - b.line);
  return result;
}
