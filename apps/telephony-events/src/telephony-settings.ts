import { resolve } from 'node:path';
import { IsOptional, Matches } from 'class-validator';
import { ServiceEnvironment } from '@app/platform';

/** Where recordings named by a relative path or a `file:` URI are looked for, when RECORDINGS_DIR is not set. */
export const DEFAULT_RECORDINGS_DIR = 'recordings';

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
}

/** The settings telephony-events' module reads (a DI token). */
export abstract class TelephonySettings {
  /** Absolute. */
  abstract readonly recordingsDir: string;
}

export function telephonySettings(env: Pick<TelephonyEnvironment, 'RECORDINGS_DIR'> = {}): TelephonySettings {
  return { recordingsDir: resolve(env.RECORDINGS_DIR || DEFAULT_RECORDINGS_DIR) };
}
