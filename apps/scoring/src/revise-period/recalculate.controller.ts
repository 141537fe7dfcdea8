import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ParsePeriodPipe } from '@app/platform';
import { RevisePeriod, type ReviseOutcome } from './revise-period';

@ApiTags('periods')
@Controller('v1/periods')
export class RecalculateController {
  constructor(private readonly revise: RevisePeriod) {}

  @Post(':period/recalculate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Re-score a closed month under the policy in force; revisions for changed agents only' })
  recalculate(@Param('period', ParsePeriodPipe) period: string): Promise<ReviseOutcome> {
    return this.revise.execute({ period, cause: 'recalculate' });
  }
}
