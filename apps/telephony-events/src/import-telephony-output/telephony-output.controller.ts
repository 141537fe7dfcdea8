import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses, BodyStream, StreamedBody, type StreamedRequestBody } from '@app/platform';
import { IMPORT_REPORT } from '../openapi/answers.schema';
import { wholeRequestFailed } from '../ingest/whole-request-failed';
import { TelephonyErrors } from '../telephony.errors';
import { ImportAdapterResult, type ImportReport } from './import-adapter-result';

/** Real telephony output in its own format; the answer accounts for every line or record. */
@ApiTags('call events')
@Controller('v1/call-events')
export class TelephonyOutputController {
  constructor(private readonly importer: ImportAdapterResult) {}

  @Post('asterisk-queue-log')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Asterisk queue_log lines (epoch|callid|queue|agent|EVENT|data…); counts per verb, the first 100 ignored and unparseable lines' })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string', example: '1730000000|1730000000.1|sales|NONE|ENTERQUEUE||13800000001|1\n1730000008|1730000000.1|sales|SIP/1001|CONNECT|8|1730000008.2|3' } })
  @ApiAcceptedResponse({ schema: IMPORT_REPORT })
  @ApiErrorResponses(400, 401, 403, 413)
  @StreamedBody()
  async asterisk(@BodyStream() body: StreamedRequestBody): Promise<ImportReport> {
    if (!isQueueLogText(body)) throw TelephonyErrors.bodyNotQueueLog();
    return answered(await this.importer.importQueueLog(body.chunks));
  }

  @Post('amazon-connect-ctr')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Amazon Connect contact trace records (JSON array or NDJSON, up to 1,000); newest LastUpdateTimestamp per ContactId wins' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', items: { type: 'object', description: 'an Amazon Connect contact trace record' }, example: [{ ContactId: 'c-1', Channel: 'VOICE', InitiationMethod: 'INBOUND', LastUpdateTimestamp: '2026-10-05T01:20:00Z', DisconnectTimestamp: '2026-10-05T01:18:40Z', DisconnectReason: 'CUSTOMER_DISCONNECT', Queue: { Name: 'sales', EnqueueTimestamp: '2026-10-05T01:14:50Z', DequeueTimestamp: '2026-10-05T01:15:02Z', Duration: 12 }, Agent: { Username: 'A1001', ConnectedToAgentTimestamp: '2026-10-05T01:15:02Z' } }] } })
  @ApiAcceptedResponse({ schema: IMPORT_REPORT })
  @ApiErrorResponses(400, 401, 403, 413)
  async connect(
    // eslint-disable-next-line no-restricted-syntax -- raw Amazon Connect records (JSON array or NDJSON) in the vendor's own format, read field by field by the adapter (adapters/amazon-connect-ctr.ts), each bad record reported
    @Body() body: unknown,
  ): Promise<ImportReport> {
    return answered(await this.importer.importConnectCtrs(body));
  }
}

/** The types a body parser used to take as text for this route; queue_log is ASCII, read as UTF-8. */
function isQueueLogText({ mediaType, charset }: StreamedRequestBody): boolean {
  return (mediaType === 'text/plain' || mediaType === 'application/x-ndjson') && (charset === undefined || ['utf-8', 'utf8', 'us-ascii'].includes(charset));
}

/** As POST /v1/call-events answers: when nothing in the upload could be used, a 400 with the report. */
function answered(report: ImportReport): ImportReport {
  if (!wholeRequestFailed(report)) return report;
  const details = [
    ...report.unparseable.map((u) => ({ path: `lines[${u.line}]`, message: u.reason })),
    ...report.rejected.flatMap((r) => r.errors),
  ];
  throw TelephonyErrors.eventsRejected(details, { ...report });
}
