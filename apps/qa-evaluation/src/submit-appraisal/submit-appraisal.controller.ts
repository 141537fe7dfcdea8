import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { SelfAppraisalCommand } from './self-appraisal.command';
import { SubmitAppraisal } from './submit-appraisal';
import { SubmitAppraisalCommand } from './submit-appraisal.command';

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
  post(@Body() body: SubmitAppraisalCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.submit.execute(body, 'supervisor', user);
  }

  @Post('self')
  @Roles('agent')
  @ApiOperation({ summary: 'The agent\'s self-score: kept, never counted' })
  self(@Body() body: SelfAppraisalCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.submit.execute(body, 'self', user);
  }
}
