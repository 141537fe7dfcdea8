import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { Disputes } from './disputes';

@ApiTags('disputes')
@Controller('v1')
export class DisputesController {
  constructor(private readonly disputes: Disputes) {}

  @Post('evaluations/:id/disputes')
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent disputes one item of a released evaluation (policy window and monthly maximum)' })
  @ApiBody({ schema: { type: 'object', required: ['itemId', 'reason'] } })
  file(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.disputes.file(id, body, user);
  }

  @Get('evaluations/:id/disputes')
  @Roles('qa', 'supervisor', 'hr', 'admin', 'agent')
  list(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.disputes.list(user, id);
  }

  @Post('disputes/:id/decision')
  @HttpCode(200)
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'accepted / partly-accepted / rejected with a reason; a change revises the evaluation' })
  @ApiBody({ schema: { type: 'object', required: ['outcome', 'reason'] } })
  decide(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.disputes.decide(id, body, user.sub);
  }
}
