import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ScoreCalibration } from './score-calibration';

@ApiTags('calibration')
@Controller('v1/calibrations/:id/scores')
export class ScoreCalibrationController {
  constructor(private readonly score: ScoreCalibration) {}

  @Post()
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'Score the session\'s call blind (an evaluator of the session or its expert)' })
  @ApiBody({ schema: { type: 'object', required: ['answers'] } })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.score.execute(id, body, user.sub);
  }
}
