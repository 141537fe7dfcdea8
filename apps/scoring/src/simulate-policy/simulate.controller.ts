import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { parsePeriod } from '@app/platform';
import { SimulatePolicy } from './simulate-policy';
import { SimulationView } from './simulation.view';

@ApiTags('policies')
@Controller('v1/policies')
export class SimulateController {
  constructor(private readonly simulate: SimulatePolicy) {}

  @Post('simulate')
  @HttpCode(200)
  @Roles('admin', 'supervisor', 'manager', 'hr')
  @ApiOperation({ summary: 'What-if: { period, policy } → per-agent before/after totals, grades, levels and pay; publishes nothing (a supervisor: their own teams)' })
  @ApiOkResponse({ type: SimulationView })
  run(@Body() body: Record<string, unknown>, @CurrentUser() user: AuthenticatedUser): Promise<SimulationView> {
    return this.simulate.execute(parsePeriod(body?.period), body?.policy, user);
  }
}
