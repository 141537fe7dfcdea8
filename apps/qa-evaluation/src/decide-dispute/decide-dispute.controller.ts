import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { DecideDispute } from './decide-dispute';

@ApiTags('disputes')
@Controller('v1/disputes/:id/decision')
export class DecideDisputeController {
  constructor(private readonly decide: DecideDispute) {}

  @Post()
  @HttpCode(200)
  @Roles('qa', 'supervisor')
  @ApiOperation({ summary: 'accepted / partly-accepted / rejected with a reason; a change revises the evaluation' })
  @ApiBody({ schema: { type: 'object', required: ['outcome', 'reason'] } })
  post(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.decide.execute(id, body, user);
  }
}
