import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { EvaluationLifecycle } from './evaluation-lifecycle';

const brief = (e: { evaluationId: string; status: string; version: number }) => ({ evaluationId: e.evaluationId, status: e.status, version: e.version });

@ApiTags('evaluations')
@Controller('v1/evaluations/:id')
export class EvaluationLifecycleController {
  constructor(private readonly lifecycle: EvaluationLifecycle) {}

  @Post('release')
  @HttpCode(200)
  @Roles('qa')
  @ApiOperation({ summary: 'Release a submitted evaluation to its agent' })
  async release(@Param('id') id: string) {
    return brief(await this.lifecycle.release(id));
  }

  @Post('acknowledge')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent acknowledges a released evaluation of their own' })
  async acknowledge(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return brief(await this.lifecycle.acknowledge(id, user));
  }

  @Post('void')
  @HttpCode(200)
  @Roles('qa', 'admin')
  @ApiOperation({ summary: 'Void an evaluation (publishes qa.evaluation.revised with voided: true)' })
  @ApiBody({ schema: { type: 'object', required: ['reason'] } })
  async void(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return brief(await this.lifecycle.void(id, body, user.sub));
  }
}
