import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { wholeRequestFailed } from '../common/whole-request-failed';
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
  @ApiBody({ schema: { type: 'string' } })
  async asterisk(@Body() body: unknown): Promise<ImportReport> {
    if (typeof body !== 'string' || body.trim() === '') throw TelephonyErrors.bodyNotQueueLog();
    return answered(await this.importer.importQueueLog(body));
  }

  @Post('amazon-connect-ctr')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Amazon Connect contact trace records (JSON array or NDJSON, up to 1,000); newest LastUpdateTimestamp per ContactId wins' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } } })
  async connect(@Body() body: unknown): Promise<ImportReport> {
    return answered(await this.importer.importConnectCtrs(body));
  }
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
