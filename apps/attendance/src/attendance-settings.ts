import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { loadServiceEnvironment, ServiceEnvironment, wholeNumberSetting } from '@app/platform';

/** A day: a longer pause between passes would leave a month's days unclosed for days (and node's timers stop at ~24.8 days). */
const MAX_CLOSE_EVERY_MS = 86_400_000;
const CLOSE_EVERY_MESSAGE = `ATTENDANCE_CLOSE_EVERY_MS must be a whole number of milliseconds from 0 (days close only through POST /v1/attendance/days/close) to ${MAX_CLOSE_EVERY_MS}`;

/**
 * attendance's settings beyond the common ones, declared like them so that one check at start-up
 * passes every variable the service reads: a bad one stops it with one line that names it.
 */
export class AttendanceEnvironment extends ServiceEnvironment {
  @IsOptional()
  @Transform(wholeNumberSetting)
  @IsInt({ message: CLOSE_EVERY_MESSAGE })
  @Min(0, { message: CLOSE_EVERY_MESSAGE })
  @Max(MAX_CLOSE_EVERY_MS, { message: CLOSE_EVERY_MESSAGE })
  ATTENDANCE_CLOSE_EVERY_MS?: number;
}

export interface AttendanceSettings {
  /** How often the day-close worker looks for days to close; 0 leaves closing to the endpoint. */
  closeEveryMs: number;
}

export const DEFAULT_ATTENDANCE_SETTINGS: AttendanceSettings = { closeEveryMs: 5_000 };

export const ATTENDANCE_SETTINGS = Symbol('ATTENDANCE_SETTINGS');

/** The settings from the environment (the process's unless given); ConfigError naming the first bad one. */
export function loadAttendanceSettings(env?: NodeJS.ProcessEnv): AttendanceSettings {
  const parsed = loadServiceEnvironment(AttendanceEnvironment, env);
  return { closeEveryMs: parsed.ATTENDANCE_CLOSE_EVERY_MS ?? DEFAULT_ATTENDANCE_SETTINGS.closeEveryMs };
}
