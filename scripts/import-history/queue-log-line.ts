import type { LineReading } from './prepared-chunk';

const PIPE = 124;
const ENTERQUEUE = Buffer.from('ENTERQUEUE');
const BOM = [0xef, 0xbb, 0xbf];

/**
 * `epoch|callid|queue|agent|EVENT|data…`: the epoch (seconds, UTC) and whether the verb is
 * ENTERQUEUE (one per call that reached a queue). Read from the bytes, without making a string,
 * because a year of history is tens of millions of lines.
 */
export function readQueueLogLine(line: Buffer): LineReading {
  let i = line[0] === BOM[0] && line[1] === BOM[1] && line[2] === BOM[2] ? 3 : 0;
  while (i < line.length && (line[i] === 32 || line[i] === 9)) i++;
  let seconds = 0;
  let digits = 0;
  for (; i < line.length && line[i] >= 48 && line[i] <= 57; i++, digits++) seconds = seconds * 10 + (line[i] - 48);
  const epochMs = digits > 0 && digits <= 12 && line[i] === PIPE ? seconds * 1000 : undefined;
  return { epochMs, isCall: verbIs(line, ENTERQUEUE) };
}

/** The fifth field equals `verb` exactly. */
function verbIs(line: Buffer, verb: Buffer): boolean {
  let p = -1;
  for (let k = 0; k < 4; k++) {
    p = line.indexOf(PIPE, p + 1);
    if (p < 0) return false;
  }
  const start = p + 1;
  const end = start + verb.length;
  if (end > line.length || line.compare(verb, 0, verb.length, start, end) !== 0) return false;
  return end === line.length || line[end] === PIPE || line[end] === 13 || line[end] === 10;
}
