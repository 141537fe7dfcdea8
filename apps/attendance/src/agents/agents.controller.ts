import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { BatchBody } from '../http/batch-body.decorator';
import { answerBatch } from '../http/request-items';
import { AgentListQuery } from './agent-list.query';
import { AgentQueries } from './agent-queries';
import { AgentView } from './agent.view';
import { agentItemsOf } from './agent-items';
import { UpsertAgentCommand } from './upsert-agent.command';
import { UpsertAgents, type AgentItems, type UpsertAgentsResult } from './upsert-agents';

@ApiTags('agents')
@ApiExtraModels(UpsertAgentCommand)
@Controller('v1/agents')
export class AgentsController {
  constructor(
    private readonly upsert: UpsertAgents,
    private readonly queries: AgentQueries,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('hr', 'admin')
  @ApiOperation({ summary: 'Upsert one agent or many by agentId (JSON object, array, or text/csv with the same columns); publishes attendance.agent.upserted' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(UpsertAgentCommand) }, { type: 'array', items: { $ref: getSchemaPath(UpsertAgentCommand) } }] } })
  async post(
    @BatchBody(agentItemsOf) req: AgentItems,
  ): Promise<UpsertAgentsResult> {
    const result = await this.upsert.execute(req);
    return answerBatch(result, result.accepted + result.unchanged, req.collection === null);
  }

  @Get()
  @Roles('hr', 'admin', 'manager', 'supervisor', 'payroll', 'qa')
  @ApiOperation({ summary: 'The agent directory by agentId, a page at a time (a supervisor or QA inspector: their own teams only)' })
  @ApiPage('{ items: agents, nextCursor }', AgentView)
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: AgentListQuery): Promise<Page<AgentView>> {
    return this.queries.list(user, q);
  }

  @Get(':agentId')
  @Roles('hr', 'admin', 'manager', 'supervisor', 'payroll', 'qa', 'agent')
  @ApiOkResponse({ type: AgentView })
  get(@Param('agentId') agentId: string, @CurrentUser() user: AuthenticatedUser): Promise<AgentView> {
    return this.queries.get(agentId, user);
  }

  @Post(':agentId/deactivate')
  @HttpCode(200)
  @Roles('hr', 'admin')
  @ApiOperation({ summary: 'Deactivate an agent (kept, with a new version published)' })
  deactivate(@Param('agentId') agentId: string): Promise<UpsertAgentsResult> {
    return this.upsert.deactivate(agentId);
  }

}
