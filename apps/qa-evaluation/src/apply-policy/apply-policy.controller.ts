import { Body, Controller, Get, Put } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { SUBJECTS, type PolicyActivatedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { isRecord } from '../domain/validation/problems';
import { ApplyPolicy } from './apply-policy';
import { ApplyPolicyCommand } from './apply-policy.command';
import { QaPolicyStore } from '../store/qa-policy.store';

@ApiTags('policy')
@Controller('v1/policy')
export class ApplyPolicyController {
  constructor(
    private readonly store: QaPolicyStore,
    private readonly apply: ApplyPolicy,
  ) {}

  @Get()
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin')
  @ApiOperation({ summary: 'The qa parameters in force (sampling, disputes, appeals, appraisal deadlines, time zone, record references, hold limit)' })
  get() {
    return this.store.active();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the qa parameters (left-out ones keep their defaults); normally set by scoring\'s policy' })
  put(@Body() command: ApplyPolicyCommand) {
    return this.apply.execute(command.policyVersion, command.qa);
  }

  @JetStreamEventPattern(SUBJECTS.scoring.policyActivated)
  async onActivated(@Payload() e: PolicyActivatedEvent): Promise<void> {
    if (typeof e?.policyVersion !== 'string') throw new NonRetryableMessageError('policy event without policyVersion');
    await this.apply.execute(e.policyVersion, isRecord(e.qa) ? e.qa : {}, isRecord(e.telephony) ? e.telephony : undefined);
  }
}
