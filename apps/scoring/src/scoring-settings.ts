import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { loadServiceEnvironment, ServiceEnvironment } from '@app/platform';

const AUTO_CLOSE_MESSAGE = 'SCORING_AUTO_CLOSE must be true or false (1 or 0)';

/** `true`/`1` and `false`/`0`; anything else stays as written and fails the check with the setting's name. */
const flag = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * scoring's settings beyond the common ones, declared like them so that one check at start-up passes every
 * variable the service reads: a bad one stops it with one line that names it.
 */
export class ScoringEnvironment extends ServiceEnvironment {
  @IsOptional()
  @Transform(flag)
  @IsBoolean({ message: AUTO_CLOSE_MESSAGE })
  SCORING_AUTO_CLOSE?: boolean;
}

export interface ScoringSettings {
  /** Whether the AutoCloseWorker closes last month by itself on the policy's close day. */
  autoClose: boolean;
}

/** As the service ships: it closes last month on its close day. */
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = { autoClose: true };

/** Inside tests and tools, which drive the close day themselves (a worker would close a half-loaded month). */
export const EMBEDDED_SCORING_SETTINGS: ScoringSettings = { autoClose: false };

export const SCORING_SETTINGS = Symbol('SCORING_SETTINGS');

/** The settings from the environment (the process's unless given); ConfigError naming the first bad one. */
export function loadScoringSettings(env?: NodeJS.ProcessEnv): ScoringSettings {
  const parsed = loadServiceEnvironment(ScoringEnvironment, env);
  return { autoClose: parsed.SCORING_AUTO_CLOSE ?? DEFAULT_SCORING_SETTINGS.autoClose };
}
