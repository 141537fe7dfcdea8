import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { WorkLists } from './work-lists';

@ApiTags('sampling')
@Controller('v1/sampling/work-list')
export class WorkListsController {
  constructor(private readonly lists: WorkLists) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'admin')
  @ApiOperation({ summary: 'An evaluator\'s sampled calls of a month, by due date, with the evaluation once done' })
  @ApiQuery({ name: 'period', required: true })
  @ApiQuery({ name: 'evaluatorId', required: false, description: 'default: the caller' })
  get(@CurrentUser() user: AuthenticatedUser, @Query('period') period?: string, @Query('evaluatorId') evaluatorId?: string) {
    return this.lists.forEvaluator(evaluatorId ?? user.sub, period);
  }
}
