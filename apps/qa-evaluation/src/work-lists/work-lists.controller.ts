import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiPage, type Page } from '@app/platform';
import { WorkItemView } from './work-item.view';
import { WorkListQuery } from './work-list.query';
import { WorkLists } from './work-lists';

@ApiTags('sampling')
@Controller('v1/sampling/work-list')
export class WorkListsController {
  constructor(private readonly lists: WorkLists) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'admin')
  @ApiOperation({ summary: 'An evaluator\'s sampled calls of a month, by due date, with the evaluation once done' })
  @ApiPage('One page; pass `nextCursor` back as `cursor` for the next / 一页; 下一页以 nextCursor 作为 cursor', WorkItemView, {
    evaluatorId: { type: 'string' }, period: { type: 'string' },
    total: { type: 'integer', description: 'calls in the month\'s list / 本月抽检总数' }, done: { type: 'integer', description: 'of them evaluated / 已质检' },
  })
  get(@CurrentUser() user: AuthenticatedUser, @Query() q: WorkListQuery): Promise<Page<WorkItemView> & { evaluatorId: string; period: string; total: number; done: number }> {
    return this.lists.forEvaluator(q.evaluatorId ?? user.sub, q);
  }
}
