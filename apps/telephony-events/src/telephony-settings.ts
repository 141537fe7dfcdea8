import { resolve } from 'node:path';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ServiceEnvironment, wholeNumberSetting } from '@app/platform';

/** Where recordings named by a relative path or a `file:` URI are looked for, when RECORDINGS_DIR is not set. */
export const DEFAULT_RECORDINGS_DIR = 'recordings';

/** Three: while one lane derives, the others wait on PostgreSQL (bench:ingest on 2 cores, 3 lanes against 2: service CPU 57 → 83 % of a core, saturated p99 1.24 → 1.07 s). */
export const DEFAULT_SUMMARIZER_LANES = 3;
const MAX_SUMMARIZER_LANES = 16;
const LANES_MESSAGE = `SUMMARIZER_LANES must be a whole number from 1 to ${MAX_SUMMARIZER_LANES}`;

/** The environment of every service plus telephony-events' own settings, validated at start (main.ts). */
export class TelephonyEnvironment extends ServiceEnvironment {
  /**
   * The directory of call recordings this service plays (`GET /v1/calls/{callId}/recording`): e.g. Asterisk's
   * monitor spool `/var/spool/asterisk/monitor`, or where a tenant's files are mounted. Relative to the
   * working directory when not absolute.
   */
  @IsOptional()
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  @Matches(/^[^\u0000-\u001f]+$/, { message: 'RECORDINGS_DIR must be a directory path' })
  RECORDINGS_DIR?: string;

  /** How many batches of dirty calls one instance derives at once (each in its own transaction). */
  @IsOptional()
  @Transform(wholeNumberSetting)
  @IsInt({ message: LANES_MESSAGE })
  @Min(1, { message: LANES_MESSAGE })
  @Max(MAX_SUMMARIZER_LANES, { message: LANES_MESSAGE })
  SUMMARIZER_LANES?: number;
}

/** The settings telephony-events' module reads (a DI token). */
export abstract class TelephonySettings {
  /** Absolute. */
  abstract readonly recordingsDir: string;
  /** At least 1. */
  abstract readonly summarizerLanes: number;
}

export function telephonySettings(env: Pick<TelephonyEnvironment, 'RECORDINGS_DIR' | 'SUMMARIZER_LANES'> = {}): TelephonySettings {
  return { recordingsDir: resolve(env.RECORDINGS_DIR || DEFAULT_RECORDINGS_DIR), summarizerLanes: env.SUMMARIZER_LANES ?? DEFAULT_SUMMARIZER_LANES };
}
