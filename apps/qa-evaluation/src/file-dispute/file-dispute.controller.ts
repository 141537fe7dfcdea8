import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { FileDispute } from './file-dispute';
import { FileDisputeCommand } from './file-dispute.command';

@ApiTags('disputes')
@Controller('v1/evaluations/:id/disputes')
export class FileDisputeController {
  constructor(private readonly file: FileDispute) {}

  @Post()
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent disputes one item of a released evaluation (policy window and monthly maximum)' })
  post(@Param('id') id: string, @Body() command: FileDisputeCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.file.execute(id, command, user);
  }
}
