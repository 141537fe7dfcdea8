import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { CalibrationReport } from './calibration-report';
import { CalibrationReportView } from './calibration-report.view';

@ApiTags('calibration')
@Controller('v1/calibrations/:id/report')
export class CalibrationReportController {
  constructor(private readonly report: CalibrationReport) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'admin')
  @ApiOperation({ summary: 'Spread per item and per evaluator, and each evaluator\'s distance from the expert' })
  @ApiOkResponse({ type: CalibrationReportView })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CalibrationReportView> {
    return this.report.execute(id, user);
  }
}
