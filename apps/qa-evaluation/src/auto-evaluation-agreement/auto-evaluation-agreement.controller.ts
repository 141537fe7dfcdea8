import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { AgreementReportView } from './agreement-report.view';
import { AutoEvaluationAgreement } from './auto-evaluation-agreement';

/** Registered before the read of one call's automatic evaluation, so `agreement` is never taken for a call id. */
@ApiTags('speech-qa')
@Controller('v1/auto-evaluations/agreement')
export class AutoEvaluationAgreementController {
  constructor(private readonly agreement: AutoEvaluationAgreement) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'admin')
  @ApiOperation({ summary: 'Per item the machine answers: percent agreement and Cohen\'s kappa with human evaluators on the same calls, and the disagreeing calls' })
  @ApiQuery({ name: 'from', required: true, description: 'yyyy-mm-dd or ISO instant (calls started from)' })
  @ApiQuery({ name: 'to', required: true, description: 'yyyy-mm-dd or ISO instant (exclusive)' })
  @ApiOkResponse({ type: AgreementReportView })
  get(@Query('from') from?: string, @Query('to') to?: string): Promise<AgreementReportView> {
    return this.agreement.execute(from, to);
  }
}
