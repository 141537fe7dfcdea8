import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { DecideDispute } from './decide-dispute';
import { DecideDisputeCommand } from './decide-dispute.command';

@ApiTags('disputes')
@Controller('v1/disputes/:id/decision')
export class DecideDisputeController {
  constructor(private readonly decide: DecideDispute) {}

  @Post()
  @HttpCode(200)
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'accepted / partly-accepted / rejected with a reason; a change revises the evaluation' })
  post(@Param('id') id: string, @Body() command: DecideDisputeCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.decide.execute(id, command, user);
  }
}
