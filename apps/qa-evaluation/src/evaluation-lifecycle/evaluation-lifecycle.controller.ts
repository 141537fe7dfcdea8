import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
}
