import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { AppealConductRecord } from './appeal-conduct-record';
import { AppealConductRecordCommand } from './appeal-conduct-record.command';

@ApiTags('conduct records')
@Controller('v1/conduct-records/:id/appeal')
export class AppealConductRecordController {
  constructor(private readonly appeal: AppealConductRecord) {}

  @Post()
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent appeals their record within the policy window' })
  post(@Param('id') id: string, @Body() command: AppealConductRecordCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.appeal.execute(id, command, user);
  }
}
