import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { Calibration } from './calibration';

@ApiTags('calibration')
@Controller('v1/calibrations')
export class CalibrationController {
  constructor(private readonly calibration: Calibration) {}

  @Post()
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'A calibration session: one call, one form version, several blind evaluators and an optional expert' })
  @ApiBody({ schema: { type: 'object', required: ['callId', 'formId', 'formVersion', 'evaluatorIds'] } })
  create(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.calibration.create(body, user.sub);
  }

  @Post(':id/scores')
  @Roles('qa', 'supervisor')
  @ApiBody({ schema: { type: 'object', required: ['answers'] } })
  score(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.calibration.score(id, body, user.sub);
  }

  @Get(':id/report')
  @Roles('qa', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Spread per item and per evaluator, and each evaluator\'s distance from the expert' })
  report(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.calibration.report(id, user);
  }
}
