import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ScoreCalibration } from './score-calibration';
import { ScoreCalibrationCommand } from './score-calibration.command';

@ApiTags('calibration')
@Controller('v1/calibrations/:id/scores')
export class ScoreCalibrationController {
  constructor(private readonly score: ScoreCalibration) {}

  @Post()
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'Score the session\'s call blind (an evaluator of the session or its expert)' })
  post(@Param('id') id: string, @Body() body: ScoreCalibrationCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.score.execute(id, body, user.sub);
  }
}
