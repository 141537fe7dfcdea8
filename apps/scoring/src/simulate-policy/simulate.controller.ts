import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { SimulatePolicy, type Simulation } from './simulate-policy';

@ApiTags('policies')
@Controller('v1/policies')
export class SimulateController {
  constructor(private readonly simulate: SimulatePolicy) {}

  @Post('simulate')
  @HttpCode(200)
  @Roles('admin', 'supervisor', 'hr')
  @ApiOperation({ summary: 'What-if: { period, policy } → per-agent before/after totals, grades, levels and pay; publishes nothing' })
  run(@Body() body: Record<string, unknown>): Promise<Simulation> {
    return this.simulate.execute(body?.period, body?.policy);
  }
}
