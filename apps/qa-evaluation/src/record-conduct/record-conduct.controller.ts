import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ConductRecordedView } from './conduct-recorded.view';
import { RecordConduct } from './record-conduct';
import { RecordConductCommand } from './record-conduct.command';

@ApiTags('conduct records')
@Controller('v1/conduct-records')
export class RecordConductController {
  constructor(private readonly record: RecordConduct) {}

  @Post()
  @Roles('supervisor', 'qa')
  @ApiOperation({ summary: 'File a reward/penalty record for an agent (a catalogue code); the agent is alerted at once' })
  @ApiCreatedResponse({ type: ConductRecordedView })
  post(@Body() body: RecordConductCommand, @CurrentUser() user: AuthenticatedUser): Promise<ConductRecordedView> {
    return this.record.execute(body, user);
  }
}
