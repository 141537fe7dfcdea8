import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { RecordConduct } from './record-conduct';

@ApiTags('conduct records')
@Controller('v1/conduct-records')
export class RecordConductController {
  constructor(private readonly record: RecordConduct) {}

  @Post()
  @Roles('supervisor', 'qa')
  @ApiOperation({ summary: 'File a reward/penalty record for an agent (a catalogue code); the agent is alerted at once' })
  @ApiBody({ schema: { type: 'object', required: ['agentId', 'code', 'occurredAt', 'note'] } })
  post(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.record.execute(body, user.sub);
  }
}
