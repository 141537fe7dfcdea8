import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { TelephonyErrors } from '../telephony.errors';
import { IngestCallEvents, type IngestResult } from '../common/ingest-call-events';
import { wholeRequestFailed } from '../common/whole-request-failed';

@ApiTags('call events')
@Controller('v1/call-events')
export class CallEventsController {
  constructor(private readonly ingest: IngestCallEvents) {}

  @Post()
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Ingest canonical call events (JSON array or NDJSON, up to 5,000); answers once they are durable' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } } })
  async post(@Body() body: unknown): Promise<IngestResult> {
    const result = await this.ingest.executeBody(body, 'api');
    if (wholeRequestFailed(result)) throw TelephonyErrors.eventsRejected(result.rejected.flatMap((r) => r.errors), { rejected: result.rejected });
    return result;
  }
}
