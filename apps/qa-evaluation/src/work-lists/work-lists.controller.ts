import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage } from '../paging/page.openapi';
import { WorkListQuery } from './work-list.query';
import { WorkLists, type WorkListPage } from './work-lists';

@ApiTags('sampling')
@Controller('v1/sampling/work-list')
export class WorkListsController {
  constructor(private readonly lists: WorkLists) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'admin')
  @ApiOperation({ summary: 'An evaluator\'s sampled calls of a month, by due date, with the evaluation once done' })
  @ApiPage('A sampled call: callId, agentId, week, dueDate, evaluationId (null until evaluated) / 抽检通话', {
    evaluatorId: { type: 'string' }, period: { type: 'string' },
    total: { type: 'integer', description: 'calls in the month\'s list / 本月抽检总数' }, done: { type: 'integer', description: 'of them evaluated / 已质检' },
  })
  get(@CurrentUser() user: AuthenticatedUser, @Query() q: WorkListQuery): Promise<WorkListPage> {
    return this.lists.forEvaluator(q.evaluatorId ?? user.sub, q);
  }
}
