import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { Fields } from '../domain/validation/fields';
import { rejected } from '../qa-evaluation.errors';
import { RemindAppraisals } from './remind-appraisals';

@ApiTags('appraisals')
@Controller('v1/appraisals/reminders')
export class AppraisalRemindersController {
  constructor(private readonly remind: RemindAppraisals) {}

  @Post('run')
  @HttpCode(200)
  @Roles('admin', 'hr')
  @ApiOperation({ summary: 'Raise the reminders due now (or at `at`); the worker does this every 15 minutes' })
  @ApiBody({ schema: { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } } })
  run(@Body() body: unknown) {
    const f = new Fields(body ?? {});
    f.only(['at']);
    const at = f.instant('at', { optional: true });
    if (f.problems.length) throw rejected(f.problems);
    return this.remind.execute(at ?? new Date());
  }
}
