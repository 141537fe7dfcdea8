import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { SubmitAppraisal } from './submit-appraisal';

@ApiTags('appraisals')
@Controller('v1/appraisals')
export class SubmitAppraisalController {
  constructor(private readonly submit: SubmitAppraisal) {}

  @Post()
  @Roles('supervisor', 'manager')
  @ApiOperation({
    summary: 'The monthly appraisal (counted); resubmitting before close replaces it. A supervisor appraises agents and shift leads, '
      + 'the department head (manager) supervisors and QA inspectors, on the same form; anyone else → 403 QA.APPRAISAL_ROLE_FORBIDDEN',
  })
  @ApiBody({ schema: { type: 'object', required: ['agentId', 'period', 'scores'] } })
  post(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.submit.execute(body, 'supervisor', user);
  }

  @Post('self')
  @Roles('agent')
  @ApiOperation({ summary: 'The agent\'s self-score: kept, never counted' })
  @ApiBody({ schema: { type: 'object', required: ['period', 'scores'] } })
  self(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.submit.execute(body, 'self', user);
  }
}
