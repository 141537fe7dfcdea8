import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IANAZone } from 'luxon';
import { monthStart } from './month-of-instant';

export type InputKind = 'queue-log' | 'ctr';

export interface ImportOptions {
  kind: InputKind;
  /** Absolute, so the checkpoint names the file whatever directory the next run starts in. */
  file: string;
  statePath: string;
  telephonyUrl: string;
  token?: string;
  from?: { month: string; epochMs: number };
  timeZone: string;
  chunkLines: number;
  chunkBytes: number;
  retries: number;
  restart: boolean;
}

export const USAGE = `usage: npm run import:history -- (--queue-log <file> | --ctr <file>) [options]
  --from YYYY-MM         skip what happened before this month (in --time-zone)
  --time-zone ZONE       months are read in this zone (default Asia/Shanghai)
  --telephony-url URL    telephony-events (default http://127.0.0.1:<DEV_PORT_BASE+1>, the dev runner's)
  --token T              bearer token (default: one minted with role telephony from AUTH_JWT_SECRET or the local dev secret)
  --state FILE           checkpoint (default <file>.import-state.json)
  --chunk-lines N        lines per request (default 20000; CTR records at most 1000)
  --chunk-mb N           megabytes per request (default 8)
  --retries N            retries of a request on network errors, 429, 502-504 (default 8)
  --restart              ignore the checkpoint and send everything again (idempotent)
用法：npm run import:history -- --queue-log <文件> | --ctr <文件> [--from YYYY-MM] [--telephony-url URL] [--token T]`;

/** Bad arguments: exit code 2 with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const DEFAULT_ZONE = 'Asia/Shanghai';

/** The dev runner's telephony-events: scripts/dev.js puts it on PORT_BASE + 1 (DEV_PORT_BASE, default 3000). */
export function devTelephonyUrl(env: NodeJS.ProcessEnv): string {
  return `http://127.0.0.1:${Number(env.DEV_PORT_BASE || 3000) + 1}`;
}

function whole(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got ${value})`);
  return n;
}

export function parseImportOptions(argv: string[], env: NodeJS.ProcessEnv): ImportOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'queue-log': { type: 'string' }, ctr: { type: 'string' }, from: { type: 'string' }, 'time-zone': { type: 'string' },
        'telephony-url': { type: 'string' }, token: { type: 'string' }, state: { type: 'string' }, 'chunk-lines': { type: 'string' },
        'chunk-mb': { type: 'string' }, retries: { type: 'string' }, restart: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const queueLog = values['queue-log'];
  if ((queueLog === undefined) === (values.ctr === undefined)) throw new UsageError('give one file: --queue-log <file> or --ctr <file> / 请指定 --queue-log 或 --ctr 之一');
  const kind: InputKind = queueLog !== undefined ? 'queue-log' : 'ctr';
  const file = resolve((queueLog ?? values.ctr)!);
  const timeZone = values['time-zone'] ?? DEFAULT_ZONE;
  let from: ImportOptions['from'];
  if (values.from !== undefined) {
    const start = monthStart(values.from, timeZone);
    if ('problem' in start) throw new UsageError(start.problem);
    from = { month: values.from, epochMs: start.epochMs };
  } else if (!IANAZone.isValidZone(timeZone)) {
    throw new UsageError(`--time-zone ${timeZone} is not an IANA time zone (e.g. Asia/Shanghai)`);
  }
  const telephonyUrl = values['telephony-url'] ?? devTelephonyUrl(env);
  if (!URL.canParse(telephonyUrl) || !/^https?:$/.test(new URL(telephonyUrl).protocol)) throw new UsageError(`--telephony-url ${telephonyUrl} is not an http(s) URL`);
  return {
    kind,
    file,
    statePath: resolve(values.state ?? `${file}.import-state.json`),
    telephonyUrl,
    token: values.token,
    from,
    timeZone,
    chunkLines: whole('chunk-lines', values['chunk-lines'], 20_000, 1, 1_000_000),
    chunkBytes: whole('chunk-mb', values['chunk-mb'], 8, 1, 30) * 1024 * 1024,
    retries: whole('retries', values.retries, 8, 0, 100),
    restart: values.restart ?? false,
  };
}
