import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { RecordConduct } from './record-conduct';
import { RecordConductCommand } from './record-conduct.command';

@ApiTags('conduct records')
@Controller('v1/conduct-records')
export class RecordConductController {
  constructor(private readonly record: RecordConduct) {}

  @Post()
  @Roles('supervisor', 'qa')
  @ApiOperation({ summary: 'File a reward/penalty record for an agent (a catalogue code); the agent is alerted at once' })
  post(@Body() body: RecordConductCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.record.execute(body, user);
  }
}
