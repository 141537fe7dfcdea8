import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { attendanceError } from '../attendance.errors';
import { answerBatch, itemsFromBody } from '../http/request-items';
import { AgentListQuery } from './agent-list.query';
import { AgentQueries } from './agent-queries';
import { AgentView } from './agent.view';
import { agentsFromCsv } from './agents-csv';
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
    // eslint-disable-next-line no-restricted-syntax -- one object, a JSON array, NDJSON or CSV text: no class describes the envelope; each item is checked against UpsertAgentCommand (checkItems), so JSON and CSV share one schema
    @Body() body: unknown,
    @Headers('content-type') type = '',
  ): Promise<UpsertAgentsResult> {
    const req = this.itemsOf(body, type);
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

  private itemsOf(body: unknown, type: string): AgentItems {
    if (/csv/i.test(type)) {
      if (typeof body !== 'string') throw attendanceError('ATTENDANCE.CSV_UNREADABLE', 'The CSV body is empty / CSV 为空', [{ path: 'body', message: 'empty' }]);
      try {
        return agentsFromCsv(body);
      } catch (err) {
        throw attendanceError('ATTENDANCE.CSV_UNREADABLE', `The CSV cannot be read / 无法读取 CSV: ${(err as Error).message}`, [{ path: 'body', message: (err as Error).message }]);
      }
    }
    const r = itemsFromBody(body, 'agents', true);
    return { items: r.items, collection: r.single ? null : 'agents', preRejected: r.unreadable };
  }
}
