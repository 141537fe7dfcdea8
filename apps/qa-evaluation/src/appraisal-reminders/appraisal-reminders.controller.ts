import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { RunAppraisalRemindersCommand } from './appraisal-reminders.command';
import { RemindAppraisals } from './remind-appraisals';

@ApiTags('appraisals')
@Controller('v1/appraisals/reminders')
export class AppraisalRemindersController {
  constructor(private readonly remind: RemindAppraisals) {}

  @Post('run')
  @HttpCode(200)
  @Roles('admin', 'hr')
  @ApiOperation({ summary: 'Raise the reminders due now (or at `at`); the worker does this every 15 minutes' })
  run(@Body() command: RunAppraisalRemindersCommand) {
    return this.remind.execute(command.at ? new Date(command.at) : new Date());
  }
}
