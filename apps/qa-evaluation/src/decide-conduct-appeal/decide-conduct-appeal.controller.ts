import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { DecideConductAppeal } from './decide-conduct-appeal';

@ApiTags('conduct records')
@Controller('v1/conduct-records/:id/appeal')
export class DecideConductAppealController {
  constructor(private readonly decide: DecideConductAppeal) {}

  @Post('decision')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({ summary: 'hr decides; upheld voids the record and records ISSUER_OVERTURNED (−10) for the issuer' })
  @ApiBody({ schema: { type: 'object', required: ['upheld', 'reason'] } })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.decide.execute(id, body, user.sub);
  }
}
