import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { DomainError } from '@app/platform';
import { parseConnectCtrs } from '../adapters/amazon-connect-ctr';
import { itemsFromBody } from '../ingest/request-items';
import { ImportAdapterResult, type ImportReport } from './import-adapter-result';

/** Real telephony output in its own format; the answer accounts for every line or record. */
@ApiTags('call events')
@Controller('v1/call-events')
export class TelephonyOutputController {
  constructor(private readonly importer: ImportAdapterResult) {}

  @Post('asterisk-queue-log')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Asterisk queue_log lines (epoch|callid|queue|agent|EVENT|data…); counts per verb, ignored and unparseable lines' })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string' } })
  async asterisk(@Body() body: unknown): Promise<ImportReport> {
    if (typeof body !== 'string' || body.trim() === '') {
      throw new DomainError('TELEPHONY.BODY_NOT_QUEUE_LOG', 'Send queue_log lines as text/plain / 请以 text/plain 发送 queue_log', 400, [
        { path: 'body', message: 'expected non-empty text/plain' },
      ]);
    }
    return this.importer.importQueueLog(body);
  }

  @Post('amazon-connect-ctr')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Amazon Connect contact trace records (JSON array or NDJSON); newest LastUpdateTimestamp per ContactId wins' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } } })
  async connect(@Body() body: unknown): Promise<ImportReport> {
    const parsed = itemsFromBody(body, 'records');
    if ('error' in parsed) throw new DomainError('TELEPHONY.BODY_NOT_RECORDS', parsed.error, 400, [{ path: 'body', message: parsed.error }]);
    const report = await this.importer.execute(parseConnectCtrs(parsed.items), 'connect');
    return { ...report, unparseable: [...parsed.unreadable.map((u) => ({ line: u.index + 1, reason: u.errors[0].message })), ...report.unparseable] };
  }
}
