import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DAY_STATUSES, type DayStatus } from '@app/contracts';
import { RequiredText } from '../http/command-fields';
import { IsInstant, IsTrueOrFalse, OneOf } from '@app/platform';

/** A supervisor's correction of one day; that `out` comes after `in` is checked with both (CorrectDay). */
export class CorrectDayCommand {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The clock-in as it should have been (ISO-8601 with offset)', example: '2026-10-05T08:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  in?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The clock-out as it should have been (ISO-8601 with offset)', example: '2026-10-05T15:30:00+08:00' })
  @IsOptional()
  @IsInstant()
  out?: string | null;

  @ApiPropertyOptional({ enum: DAY_STATUSES, description: 'The status the day takes whatever the clock says', example: 'present' })
  @IsOptional()
  @OneOf(DAY_STATUSES)
  status?: DayStatus | null;

  @ApiPropertyOptional({ type: Boolean, description: 'Whether lateness or early leave is excused', example: true })
  @IsOptional()
  @IsTrueOrFalse()
  excused?: boolean | null;

  @RequiredText(2000, { description: 'Why: every correction is kept with its reason', example: '打卡机故障 / badge reader down' })
  reason!: string;
}
