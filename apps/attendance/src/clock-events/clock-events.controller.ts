import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { answerBatch, itemsFromBody } from '../http/request-items';
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
    // eslint-disable-next-line no-restricted-syntax -- a JSON array or NDJSON text: no class describes the envelope; each event is checked alone against ClockEventCommand, the others stored
    @Body() body: unknown,
  ): Promise<IngestClockResult> {
    const r = itemsFromBody(body, 'events');
    const result = await this.ingest.execute(r.items, r.unreadable);
    return answerBatch(result, result.accepted + result.duplicates);
  }
}
