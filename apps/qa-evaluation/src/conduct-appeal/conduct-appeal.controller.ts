import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ConductAppealFlow } from './conduct-appeal';

@ApiTags('conduct records')
@Controller('v1/conduct-records/:id/appeal')
export class ConductAppealController {
  constructor(private readonly appeals: ConductAppealFlow) {}

  @Post()
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent appeals their record within the policy window' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  file(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.appeals.file(id, body, user);
  }

  @Post('decision')
  @HttpCode(200)
  @Roles('hr')
  @ApiOperation({ summary: 'hr decides; upheld voids the record and records ISSUER_OVERTURNED (−10) for the issuer' })
  @ApiBody({ schema: { type: 'object', required: ['upheld', 'reason'] } })
  decide(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.appeals.decide(id, body, user.sub);
  }
}
