import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ReleaseEvaluation } from './release-evaluation';

@ApiTags('evaluations')
@Controller('v1/evaluations/:id/release')
export class ReleaseEvaluationController {
  constructor(private readonly release: ReleaseEvaluation) {}

  @Post()
  @HttpCode(200)
  @Roles('qa')
  @ApiOperation({ summary: 'Release a submitted evaluation to its agent' })
  post(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.release.execute(id, user);
  }
}
