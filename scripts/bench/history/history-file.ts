import { createWriteStream, type WriteStream } from 'node:fs';
import { DateTime } from 'luxon';
import { defaultAgentId } from '../../../apps/telephony-events/src/adapters/asterisk-agent-id';
import { generateQueueLog } from '../ingest/queue-log-text';
import { MonthBuckets } from './month-buckets';

/**
 * Months of queue_log written to a file a day at a time, never whole in memory. Each day is one run of
 * bench:queue-log's generator (an Asterisk start, members added, then about a call a second from OPENS_AT)
 * with the calls it cut off at its end dropped, so that every call written ends and the expected counts
 * are exact. A day starts after the last line of the day before: the file stays in time order.
 */
export interface HistoryFile {
  bytes: number;
  lines: number;
  calls: number;
  /** Agent legs (one per offer line: RINGNOANSWER, RINGCANCELED, CONNECT) by month of the offer, in the zone. */
  legsByPeriod: Map<string, number>;
  callsByPeriod: Map<string, number>;
  /** Agent ids as telephony-events reads them from the agent field. */
  agents: string[];
  lastLineAt: DateTime;
}

/** The generator's traffic starts at this local hour each day. */
const OPENS_AT_HOUR = 8;
/** Lines per call the generator writes on average (measured: 3.77), with room for the calls cut at the end. */
const LINES_PER_CALL = 4;
const LINE_MARGIN = 600;
/** What ends a queue call in queue_log: a call without one of these was cut off at the end of its day. */
const END_VERBS = new Set(['COMPLETECALLER', 'COMPLETEAGENT', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY', 'WITHDRAW']);
/** Lines that offer the call to an agent, and where their ring time is (field index, unit in ms). */
const OFFER_RING: Record<string, [number, number]> = { RINGNOANSWER: [5, 1], RINGCANCELED: [5, 1], CONNECT: [7, 1_000] };

interface Day {
  text: string;
  lines: number;
  lastAt: number;
  offersMs: number[];
  enteredAt: number[];
  agents: Set<string>;
}

/** `calls` complete calls from `startEpoch` (s): the generator's first calls that end inside its window. */
export function dayOfCalls(calls: number, seed: number, startEpoch: number): Day {
  let want = Math.ceil(calls * LINES_PER_CALL) + LINE_MARGIN;
  for (;;) {
    const rows = generateQueueLog(want, seed, startEpoch).split('\n').map((r) => r.split('|'));
    const entered: string[] = [];
    const ended = new Set<string>();
    for (const f of rows) {
      if (f[1] === 'NONE') continue;
      if (f[4] === 'ENTERQUEUE') entered.push(f[1]);
      else if (END_VERBS.has(f[4])) ended.add(f[1]);
    }
    const kept = new Set(entered.filter((c) => ended.has(c)).slice(0, calls));
    if (kept.size < calls) {
      want = Math.ceil(want * 1.3);
      continue;
    }
    let lastAt = 0;
    for (const f of rows) if (kept.has(f[1])) lastAt = Math.max(lastAt, Number(f[0]));
    const out: string[] = [];
    const day: Day = { text: '', lines: 0, lastAt, offersMs: [], enteredAt: [], agents: new Set() };
    for (const f of rows) {
      // Agent lines (pauses, members) belong to the day as long as its calls last.
      if (f[1] === 'NONE' ? Number(f[0]) > lastAt : !kept.has(f[1])) continue;
      out.push(f.join('|'));
      const ring = OFFER_RING[f[4]];
      if (ring !== undefined) day.offersMs.push(Number(f[0]) * 1_000 - Number(f[ring[0]]) * ring[1]);
      if (f[4] === 'ENTERQUEUE') day.enteredAt.push(Number(f[0]) * 1_000);
      if (f[3] !== 'NONE') day.agents.add(defaultAgentId(f[3]));
    }
    day.text = `${out.join('\n')}\n`;
    day.lines = out.length;
    return day;
  }
}

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    if (stream.write(text)) {
      stream.off('error', reject);
      return resolve();
    }
    stream.once('drain', () => {
      stream.off('error', reject);
      resolve();
    });
  });
}

/** Writes `callsPerMonth` calls in each of `periods` (yyyy-MM, consecutive) to `path`, spread evenly over the days. */
export async function writeHistoryFile(path: string, periods: string[], callsPerMonth: number, zone: string): Promise<HistoryFile> {
  const stream = createWriteStream(path);
  const buckets = new MonthBuckets(periods[0], periods.length + 2, zone);
  const result: HistoryFile = { bytes: 0, lines: 0, calls: 0, legsByPeriod: new Map(), callsByPeriod: new Map(), agents: [], lastLineAt: DateTime.fromMillis(0) };
  const agents = new Set<string>();
  const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  let nextFree = 0;
  let seed = 1;
  try {
    for (const period of periods) {
      const month = DateTime.fromFormat(period, 'yyyy-MM', { zone });
      const days = month.daysInMonth!;
      for (let d = 0; d < days; d++) {
        // Even shares, the remainder on the first days.
        const calls = Math.floor(callsPerMonth / days) + (d < callsPerMonth % days ? 1 : 0);
        if (calls === 0) continue;
        const opens = month.plus({ days: d }).set({ hour: OPENS_AT_HOUR }).toSeconds();
        const day = dayOfCalls(calls, seed++, Math.max(opens, nextFree));
        nextFree = day.lastAt + 1;
        for (const at of day.offersMs) add(result.legsByPeriod, buckets.periodOf(at));
        for (const at of day.enteredAt) add(result.callsByPeriod, buckets.periodOf(at));
        for (const a of day.agents) agents.add(a);
        result.lines += day.lines;
        result.calls += calls;
        result.bytes += Buffer.byteLength(day.text);
        await write(stream, day.text);
      }
    }
  } finally {
    await new Promise<void>((resolve) => stream.end(resolve));
  }
  result.agents = [...agents].sort();
  result.lastLineAt = DateTime.fromSeconds(nextFree - 1, { zone });
  return result;
}
