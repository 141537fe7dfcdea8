import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { AppealConductRecord } from './appeal-conduct-record';

@ApiTags('conduct records')
@Controller('v1/conduct-records/:id/appeal')
export class AppealConductRecordController {
  constructor(private readonly appeal: AppealConductRecord) {}

  @Post()
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent appeals their record within the policy window' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.appeal.execute(id, body, user);
  }
}
