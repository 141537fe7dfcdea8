import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses } from '@app/platform';
import { QUEUE_STATS_REPORT } from '../openapi/answers.schema';
import type { QueueStatsReport } from '../domain/reports/queue-stats';
import { GetQueueStats } from './get-queue-stats';
import { QueueStatsQuery } from './queue-stats.query';

/** The wallboard view of the same facts that feed scoring. */
@ApiTags('queues')
@Controller('v1/queues')
export class QueueStatsController {
  constructor(private readonly handler: GetQueueStats) {}

  @Get('stats')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Offered, answered, abandoned by reason, ASA, talk/hold, three service-level variants, wait bins and answered-within rows, by day and hour' })
  @ApiOkResponse({ schema: QUEUE_STATS_REPORT })
  @ApiErrorResponses(400, 401, 403)
  stats(@Query() q: QueueStatsQuery): Promise<QueueStatsReport> {
    return this.handler.execute(q);
  }
}
