import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { AcknowledgeEvaluation } from './acknowledge-evaluation';

@ApiTags('evaluations')
@Controller('v1/evaluations/:id/acknowledge')
export class AcknowledgeEvaluationController {
  constructor(private readonly acknowledge: AcknowledgeEvaluation) {}

  @Post()
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent acknowledges a released evaluation of their own' })
  post(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.acknowledge.execute(id, user);
  }
}
