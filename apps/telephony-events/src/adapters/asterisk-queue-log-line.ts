import { hash } from 'node:crypto';

/**
 * One queue_log line split into its fixed fields: `epoch|callid|queue|agent|EVENT|data1|…`.
 * A single instance is reused for every line of a log, so a million-line log does not
 * allocate a million parse objects; data fields are cut out only when a verb asks for them.
 */
export class QueueLogLine {
  lineNo = 0;
  text = '';
  epoch = '';
  epochMs = 0;
  callId = '';
  queue = '';
  agentField = '';
  verb = '';
  /** Offset of data1 in text, or -1 when the line has no data fields. */
  private dataStart = -1;
  private baseId: string | null = null;

  /** Reads a line; returns why it cannot be read, or null. */
  read(text: string, lineNo: number, maxLength = Infinity): string | null {
    if (text.length > maxLength) return `line longer than ${maxLength} characters`;
    // NUL and other controls cannot be stored as text (PostgreSQL refuses NUL); tab is allowed.
    if (CONTROL.test(text)) return 'line holds control characters';
    const p1 = text.indexOf('|');
    const p2 = p1 < 0 ? -1 : text.indexOf('|', p1 + 1);
    const p3 = p2 < 0 ? -1 : text.indexOf('|', p2 + 1);
    const p4 = p3 < 0 ? -1 : text.indexOf('|', p3 + 1);
    if (p4 < 0) return 'too few fields (need epoch|callid|queue|agent|EVENT)';
    const p5 = text.indexOf('|', p4 + 1);
    const epoch = text.slice(0, p1);
    const epochMs = epochMsOf(epoch);
    if (epochMs === null) return `bad epoch "${epoch.slice(0, 20)}"`;
    this.verb = text.slice(p4 + 1, p5 < 0 ? text.length : p5);
    if (this.verb.length === 0) return 'empty event name';
    this.lineNo = lineNo;
    this.text = text;
    this.epoch = epoch;
    this.epochMs = epochMs;
    this.callId = text.slice(p1 + 1, p2);
    this.queue = text.slice(p2 + 1, p3);
    this.agentField = text.slice(p3 + 1, p4);
    this.dataStart = p5 < 0 ? -1 : p5 + 1;
    this.baseId = null;
    return null;
  }

  /** `ast-<callid>-<verb>-<epoch>-<sha1 of line>`, hashed once even when the line yields two events. */
  eventIdBase(): string {
    this.baseId ??= `ast-${this.callId}-${this.verb}-${this.epoch}-${lineDigest(this.text)}`;
    return this.baseId;
  }

  /** data field `index` (0 = data1), undefined when the line is shorter. */
  data(index: number): string | undefined {
    if (this.dataStart < 0) return undefined;
    let start = this.dataStart;
    for (let i = 0; i < index; i++) {
      const pipe = this.text.indexOf('|', start);
      if (pipe < 0) return undefined;
      start = pipe + 1;
    }
    const end = this.text.indexOf('|', start);
    return this.text.slice(start, end < 0 ? this.text.length : end);
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** The largest instant a Date can hold (±100,000,000 days around 1970). */
export const MAX_INSTANT_MS = 8.64e15;

/** Thrown by a verb mapper for a line whose fields do not make sense; caught per line. */
export class MalformedLine extends Error {}

/** Seconds since 1970 as written by Asterisk: digits, optionally a fraction. No regex, no backtracking. */
function epochMsOf(epoch: string): number | null {
  let dots = 0;
  for (let i = 0; i < epoch.length; i++) {
    const c = epoch.charCodeAt(i);
    if (c === 46 /* . */ && i > 0 && ++dots === 1) continue;
    if (c < 48 || c > 57) return null;
  }
  if (epoch.length === 0 || epoch.endsWith('.')) return null;
  const ms = Math.round(Number(epoch) * 1000);
  return ms <= MAX_INSTANT_MS ? ms : null; // further out is no date at all (the policy horizon refuses far less)
}

/** First 12 hex digits of the line's sha1: identical lines give identical event ids. */
export function lineDigest(text: string): string {
  return hash('sha1', text, 'hex').slice(0, 12);
}

/** 'NONE' and '' both mean "not given" in queue_log. */
export const given = (field: string | undefined): field is string => field !== undefined && field !== '' && field !== 'NONE';

/** A non-negative whole number from data field `index`, undefined when absent. */
export function countField(line: QueueLogLine, index: number, name: string): number | undefined {
  const value = line.data(index);
  if (value === undefined || value === '') return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) throw new MalformedLine(`${line.verb} ${name} "${value.slice(0, 20)}" is not a whole number`);
  }
  return Number(value);
}
