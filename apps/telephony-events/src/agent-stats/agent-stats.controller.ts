import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiErrorResponses } from '@app/platform';
import { AGENT_STATS_PAGE } from '../openapi/answers.schema';
import { AgentStatsQuery } from './agent-stats.query';
import { GetAgentStats, type AgentStatsPage } from './get-agent-stats';

@ApiTags('agents')
@Controller('v1/agents')
export class AgentStatsController {
  constructor(private readonly handler: GetAgentStats) {}

  @Get('stats')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Per agent, a page in id order (`limit`, `cursor`): offered, answered, ring-no-answer, ring-limit breaches, average ring, talk/hold/wrap-up totals and averages, long holds, average MOS, ratings by grade, answers by wait (a supervisor: their own teams\' people)',
  })
  @ApiOkResponse({ schema: AGENT_STATS_PAGE })
  @ApiErrorResponses(400, 401, 403)
  stats(@Query() q: AgentStatsQuery, @CurrentUser() user: AuthenticatedUser): Promise<AgentStatsPage> {
    return this.handler.execute(q, user);
  }
}
