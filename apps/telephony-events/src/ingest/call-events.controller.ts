import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses } from '@app/platform';
import { INGEST_EXAMPLE, INGEST_RESULT } from '../openapi/answers.schema';
import { CALL_EVENTS_BODY, CALL_EVENTS_EXAMPLE } from '../openapi/call-event.schema';
import { TelephonyErrors } from '../telephony.errors';
import { IngestCallEvents, type IngestResult } from './ingest-call-events';
import { wholeRequestFailed } from './whole-request-failed';

@ApiTags('call events')
@Controller('v1/call-events')
export class CallEventsController {
  constructor(private readonly ingest: IngestCallEvents) {}

  @Post()
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Ingest canonical call events (JSON array or NDJSON, up to 5,000); answers once they are durable' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { ...CALL_EVENTS_BODY, example: CALL_EVENTS_EXAMPLE } })
  @ApiAcceptedResponse({ description: 'Stored durably (valid items); the rest reported by index', schema: { ...INGEST_RESULT, example: INGEST_EXAMPLE } })
  @ApiErrorResponses(400, 401, 403, 413)
  async post(
    // eslint-disable-next-line no-restricted-syntax -- a JSON array or NDJSON text of up to 5,000 events, each judged alone by the measured hot-path parser (domain/events/validate-call-event.ts) and reported by index
    @Body() body: unknown,
  ): Promise<IngestResult> {
    const result = await this.ingest.executeBody(body, 'api');
    if (wholeRequestFailed(result)) throw TelephonyErrors.eventsRejected(result.rejected.flatMap((r) => r.errors), { rejected: result.rejected });
    return result;
  }
}
