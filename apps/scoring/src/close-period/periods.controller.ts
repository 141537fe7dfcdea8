import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Roles } from '@app/auth';
import { ParsePeriodPipe } from '@app/platform';
import { ClosePeriod, type CloseOutcome } from './close-period';
import { PeriodStatus, type PeriodView } from './period-status';

class CloseBody {
  @IsOptional() @IsBoolean() force?: boolean;
}

@ApiTags('periods')
@Controller('v1/periods')
export class PeriodsController {
  constructor(
    private readonly close: ClosePeriod,
    private readonly status: PeriodStatus,
  ) {}

  @Post(':period/close')
  @HttpCode(200)
  @Roles('supervisor', 'manager', 'hr', 'admin')
  @ApiOperation({ summary: 'Finalise a month; { force: true } closes despite missing appraisals (carried over)' })
  closePeriod(@Param('period', ParsePeriodPipe) period: string, @Body() body: CloseBody): Promise<CloseOutcome> {
    return this.close.execute({ period, force: body?.force === true });
  }

  @Get(':period')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "A month's state: open or closed, its policy, and the agents still missing an appraisal" })
  get(@Param('period', ParsePeriodPipe) period: string): Promise<PeriodView> {
    return this.status.execute(period);
  }
}
