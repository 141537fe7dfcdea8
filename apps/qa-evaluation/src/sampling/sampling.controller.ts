import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { RunSampling } from './run-sampling';
import { WorkLists } from './work-lists';

@ApiTags('sampling')
@Controller('v1/sampling')
export class SamplingController {
  constructor(
    private readonly run: RunSampling,
    private readonly lists: WorkLists,
  ) {}

  @Post('runs')
  @Roles('qa', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Sample a month: N calls per active agent over weeks and evaluators (tops up on a re-run)' })
  @ApiBody({ schema: { type: 'object', required: ['period'], properties: { period: { type: 'string' }, evaluatorIds: { type: 'array', items: { type: 'string' } }, perAgent: { type: 'integer' }, targeting: { type: 'boolean' } } } })
  post(@Body() body: unknown) {
    return this.run.execute(body);
  }

  @Get('work-list')
  @Roles('qa', 'supervisor', 'admin')
  @ApiOperation({ summary: 'An evaluator\'s sampled calls of a month, by due date, with the evaluation once done' })
  @ApiQuery({ name: 'period', required: true })
  @ApiQuery({ name: 'evaluatorId', required: false, description: 'default: the caller' })
  workList(@CurrentUser() user: AuthenticatedUser, @Query('period') period?: string, @Query('evaluatorId') evaluatorId?: string) {
    return this.lists.forEvaluator(evaluatorId ?? user.sub, period);
  }
}
