import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { DecideConductAppeal } from './decide-conduct-appeal';
import { DecideConductAppealCommand } from './decide-conduct-appeal.command';

@ApiTags('conduct records')
@Controller('v1/conduct-records/:id/appeal')
export class DecideConductAppealController {
  constructor(private readonly decide: DecideConductAppeal) {}

  @Post('decision')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({ summary: 'hr decides; upheld voids the record and records ISSUER_OVERTURNED (−10) for the issuer' })
  post(@Param('id') id: string, @Body() command: DecideConductAppealCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.decide.execute(id, command, user.sub);
  }
}
