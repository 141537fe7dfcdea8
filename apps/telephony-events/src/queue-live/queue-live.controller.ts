import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses } from '@app/platform';
import { LIVE_REPORT } from '../openapi/answers.schema';
import type { LiveReport } from '../domain/reports/live-report';
import { GetQueueLive } from './get-queue-live';

@ApiTags('queues')
@Controller('v1/queues')
export class QueueLiveController {
  constructor(private readonly handler: GetQueueLive) {}

  @Get('live')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Wallboard: per queue calls waiting now (longest wait), in progress, today’s offered/answered/abandoned and service level; per agent the state now and since when',
  })
  @ApiOkResponse({ schema: LIVE_REPORT })
  @ApiErrorResponses(401, 403)
  live(): Promise<LiveReport> {
    return this.handler.execute();
  }
}
