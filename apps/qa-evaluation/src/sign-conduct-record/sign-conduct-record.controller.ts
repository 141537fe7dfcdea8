import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { SUBJECTS, type ConductAcknowledgedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { SignConductRecord } from './sign-conduct-record';

@ApiTags('conduct records')
@Controller('v1/conduct-records')
export class SignConductRecordController {
  constructor(private readonly sign: SignConductRecord) {}

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'The agent signs their reward/penalty record' })
  post(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sign.execute(id, user.agentId, new Date());
  }

  /** A signature given in notification's in-app inbox counts as if given here. */
  @JetStreamEventPattern(SUBJECTS.notification.conductAcknowledged)
  async onAcknowledged(@Payload() e: ConductAcknowledgedEvent): Promise<void> {
    const at = new Date(e?.acknowledgedAt);
    if (typeof e?.recordId !== 'string' || Number.isNaN(at.getTime())) throw new NonRetryableMessageError('acknowledgement without recordId or acknowledgedAt');
    await this.sign.execute(e.recordId, e.agentId, at);
  }
}
