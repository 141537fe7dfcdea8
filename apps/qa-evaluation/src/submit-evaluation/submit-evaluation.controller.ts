import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { EvaluationSubmittedView } from './evaluation-submitted.view';
import { SubmitEvaluation } from './submit-evaluation';
import { SubmitEvaluationCommand } from './submit-evaluation.command';

@ApiTags('evaluations')
@Controller('v1/evaluations')
export class SubmitEvaluationController {
  constructor(private readonly submit: SubmitEvaluation) {}

  @Post()
  @Roles('qa')
  @ApiOperation({ summary: 'Score a call on a published form version; the score is computed by the server' })
  @ApiCreatedResponse({ type: EvaluationSubmittedView })
  post(@Body() body: SubmitEvaluationCommand, @CurrentUser() user: AuthenticatedUser): Promise<EvaluationSubmittedView> {
    return this.submit.execute(body, user);
  }
}
