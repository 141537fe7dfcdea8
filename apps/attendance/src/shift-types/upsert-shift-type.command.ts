import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, NotEquals } from 'class-validator';
import { IsBoundedInt } from '@app/platform';
import { OFF } from '../domain/days/shift-type';
import { OptionalText } from '../http/command-fields';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTES = { min: 0, max: 24 * 60 };
const minutesDoc = (description: string, example: number) => ({ type: Number, minimum: MINUTES.min, maximum: MINUTES.max, nullable: true, description: `${description}; left out: the policy’s`, example });

/** A shift type as posted; that it does not end when it starts is checked with both times (shiftTypeErrors). */
export class UpsertShiftTypeCommand {
  @ApiProperty({ type: String, pattern: '^[a-z][a-z0-9-]{0,31}$', description: 'Lower-case code; `off` is reserved (it clears a roster day)', example: 'night' })
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'a lower-case code of up to 32 letters, digits or dashes / 小写代码，最多 32 个字母、数字或连字符' })
  @NotEquals(OFF, { message: '"off" is reserved: it clears a roster day / "off" 为保留代码' })
  code!: string;

  @OptionalText(200, { description: 'Chinese name; default the code', example: '夜班' })
  nameZh?: string | null;

  @OptionalText(200, { description: 'English name; default the code', example: 'night' })
  nameEn?: string | null;

  @ApiProperty({ type: String, pattern: HH_MM.source, description: 'Local start HH:mm', example: '22:00' })
  @Matches(HH_MM, { message: 'a local time HH:mm / 本地时间 HH:mm' })
  start!: string;

  @ApiProperty({ type: String, pattern: HH_MM.source, description: 'Local end HH:mm (before start: overnight)', example: '06:00' })
  @Matches(HH_MM, { message: 'a local time HH:mm / 本地时间 HH:mm' })
  end!: string;

  @ApiPropertyOptional(minutesDoc('Minutes late allowed', 5))
  @IsOptional()
  @IsBoundedInt(MINUTES)
  lateGraceMinutes?: number | null;

  @ApiPropertyOptional(minutesDoc('Minutes early leave allowed', 5))
  @IsOptional()
  @IsBoundedInt(MINUTES)
  earlyLeaveGraceMinutes?: number | null;

  @ApiPropertyOptional(minutesDoc('Minutes before start a clock-in counts', 120))
  @IsOptional()
  @IsBoundedInt(MINUTES)
  checkInWindowBeforeMinutes?: number | null;

  @ApiPropertyOptional(minutesDoc('Minutes after end a clock-out counts', 240))
  @IsOptional()
  @IsBoundedInt(MINUTES)
  checkOutWindowAfterMinutes?: number | null;
}
