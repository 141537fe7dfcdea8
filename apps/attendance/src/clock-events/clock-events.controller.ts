import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { answerBatch, itemsFromBody, type RequestItems } from '../http/request-items';
import { BatchBody } from '../http/batch-body.decorator';
import { ClockEventCommand } from './clock-event.command';
import { IngestClockEvents, type IngestClockResult } from './ingest-clock-events';

@ApiTags('clock events')
@Controller('v1/clock-events')
export class ClockEventsController {
  constructor(private readonly ingest: IngestClockEvents) {}

  @Post()
  @HttpCode(202)
  @Roles('clock', 'hr')
  @ApiOperation({ summary: 'Clock events { eventId, agentId, type: in|out, at } (JSON array or NDJSON, up to 5,000); idempotent by eventId' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ type: [ClockEventCommand] })
  async post(
    @BatchBody((body: unknown) => itemsFromBody(body, 'events')) batch: RequestItems,
  ): Promise<IngestClockResult> {
    const result = await this.ingest.execute(batch.items, batch.unreadable);
    return answerBatch(result, result.accepted + result.duplicates);
  }
}
