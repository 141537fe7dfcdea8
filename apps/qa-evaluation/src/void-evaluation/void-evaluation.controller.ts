import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { VoidEvaluation } from './void-evaluation';
import { VoidEvaluationCommand } from './void-evaluation.command';

@ApiTags('evaluations')
@Controller('v1/evaluations/:id/void')
export class VoidEvaluationController {
  constructor(private readonly voidEvaluation: VoidEvaluation) {}

  @Post()
  @HttpCode(200)
  @Roles('qa', 'admin')
  @ApiOperation({ summary: 'Void an evaluation (publishes qa.evaluation.revised with voided: true)' })
  post(@Param('id') id: string, @Body() body: VoidEvaluationCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.voidEvaluation.execute(id, body, user);
  }
}
