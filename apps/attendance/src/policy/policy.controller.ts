import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { AttendancePolicyStore, type ActivePolicy } from './attendance-policy.store';

@ApiTags('attendance policy')
@Controller('v1/attendance/policy')
export class PolicyController {
  constructor(private readonly policy: AttendancePolicyStore) {}

  @Get()
  @Roles('admin', 'hr', 'supervisor', 'payroll', 'agent')
  @ApiOperation({ summary: 'The attendance policy in force: grace periods, windows, thresholds, leave types, swap and region limits, time zone' })
  current(): Promise<ActivePolicy> {
    return this.policy.current();
  }
}
