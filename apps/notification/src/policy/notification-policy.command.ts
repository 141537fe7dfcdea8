import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INT4_MAX } from '@app/platform';
import { DEFAULT_NOTIFICATION_POLICY as D, type PolicyOverrides } from '../domain/policy/notification-policy';
import { IfPresent } from '../request/if-present';

/**
 * Durations feed timers: past 2^31−1 ms Node fires a timer at once, so the PostgreSQL integer
 * bound is also the sane one. Fractions stay allowed, as they always were.
 */
const Duration = (min: 0 | 1, description: string, example: number): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: Number, minimum: min, maximum: INT4_MAX, description, example }), IfPresent(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(min), Max(INT4_MAX));

/** Counts of tries, failures and sends: whole numbers. */
const Count = (min: 0 | 1, description: string, example: number): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: min, maximum: INT4_MAX, description, example }), IfPresent(), IsInt(), Min(min), Max(INT4_MAX));

/** PUT /v1/notification-policy: the overrides; a parameter left out takes its default. */
export class NotificationPolicyCommand implements PolicyOverrides {
  @Duration(0, 'Same kind for the same agent within this window is grouped into one message (0 = never group)', D.floodWindowMs)
  floodWindowMs?: number;

  @Duration(1, 'One webhook POST may take this long before it counts as failed', D.webhookTimeoutMs)
  webhookTimeoutMs?: number;

  @Count(1, 'Tries per delivery, the first included', D.maxAttempts)
  maxAttempts?: number;

  @Duration(0, 'Exponential backoff base: base × 2^(attempt−1), capped', D.backoffBaseMs)
  backoffBaseMs?: number;

  @Duration(0, 'Backoff cap', D.backoffMaxMs)
  backoffMaxMs?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Up to this share of each backoff is taken off at random', example: D.backoffJitterRatio })
  @IfPresent() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  backoffJitterRatio?: number;

  @Count(1, 'Consecutive failures of one endpoint that open its circuit', D.breakerFailureThreshold)
  breakerFailureThreshold?: number;

  @Duration(0, 'How long an open circuit stays open', D.breakerCooldownMs)
  breakerCooldownMs?: number;

  @Count(1, 'Sends at once to one endpoint, per instance', D.maxInFlightPerEndpoint)
  maxInFlightPerEndpoint?: number;

  @Count(0, 'Claimed rows waiting behind them, per endpoint', D.maxQueuedPerEndpoint)
  maxQueuedPerEndpoint?: number;

  @Count(1, 'Sends in flight in all, per instance (also the most rows one claim takes)', D.maxInFlight)
  maxInFlight?: number;

  @Duration(1, 'SMTP connection, greeting and socket timeout', D.emailTimeoutMs)
  emailTimeoutMs?: number;

  @Duration(0, 'Receivers should reject signatures older than this many seconds', D.signatureToleranceSec)
  signatureToleranceSec?: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'Local time zone for times shown in messages', example: D.timeZone })
  @IfPresent() @IsString() @Matches(/\S/, { message: 'timeZone must not be blank / 时区不能为空' }) @MaxLength(100)
  timeZone?: string;
}

/** Only the parameters the body named (the instance carries every declared field, the absent ones undefined). */
export const overridesOf = (command: NotificationPolicyCommand): PolicyOverrides =>
  Object.fromEntries(Object.entries(command).filter(([, v]) => v !== undefined)) as PolicyOverrides;
