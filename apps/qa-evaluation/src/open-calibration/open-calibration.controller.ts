import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { OpenCalibration } from './open-calibration';
import { OpenCalibrationCommand } from './open-calibration.command';

@ApiTags('calibration')
@Controller('v1/calibrations')
export class OpenCalibrationController {
  constructor(private readonly open: OpenCalibration) {}

  @Post()
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'A calibration session: one call, one form version, several blind evaluators and an optional expert' })
  post(@Body() body: OpenCalibrationCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.open.execute(body, user.sub);
  }
}
