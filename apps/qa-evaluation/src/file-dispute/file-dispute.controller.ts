import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { FileDispute } from './file-dispute';

@ApiTags('disputes')
@Controller('v1/evaluations/:id/disputes')
export class FileDisputeController {
  constructor(private readonly file: FileDispute) {}

  @Post()
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent disputes one item of a released evaluation (policy window and monthly maximum)' })
  @ApiBody({ schema: { type: 'object', required: ['itemId', 'reason'] } })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.file.execute(id, body, user);
  }
}
