import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Roles } from '@app/auth';
import { ParsePeriodPipe } from '@app/platform';
import { ClosePeriod } from './close-period';
import { PeriodStatus } from './period-status';
import { CloseOutcomeView, PeriodStateView } from './period.view';

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
  @ApiOkResponse({ type: CloseOutcomeView })
  closePeriod(@Param('period', ParsePeriodPipe) period: string, @Body() body: CloseBody): Promise<CloseOutcomeView> {
    return this.close.execute({ period, force: body?.force === true });
  }

  @Get(':period')
  @Roles('supervisor', 'manager', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: "A month's state: open or closed, its policy, and the agents still missing an appraisal" })
  @ApiOkResponse({ type: PeriodStateView })
  get(@Param('period', ParsePeriodPipe) period: string): Promise<PeriodStateView> {
    return this.status.execute(period);
  }
}
