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
  @ApiBody({
    schema: {
      type: 'object',
      required: ['agentId', 'code', 'occurredAt', 'note'],
      additionalProperties: false,
      properties: {
        agentId: { type: 'string' },
        code: { type: 'string', description: 'A catalogue code (GET /v1/conduct-catalogue)' },
        occurredAt: { type: 'string', format: 'date-time' },
        callId: { type: 'string', description: 'The call the record is about; required for the codes the policy lists (LONG_HOLD_UNREASONED by default)' },
        date: {
          type: 'string', format: 'date',
          description: 'The local day (yyyy-mm-dd) the record is about; required for the codes the policy lists (UNEXCUSED_LATE_EARLY_ABSENT by default)',
        },
        amount: { type: 'number' },
        points: { type: 'integer' },
        note: { type: 'string' },
        evidence: {},
      },
    },
  })
  post(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.record.execute(body, user);
  }
}
