import { Readable } from 'node:stream';
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses, ParsePeriodPipe } from '@app/platform';
import { ExportPayroll } from './export-payroll';

@ApiTags('payroll')
@Controller('v1/payroll')
export class PayrollController {
  constructor(private readonly exporter: ExportPayroll) {}

  @Get(':period.csv')
  @Roles('payroll', 'hr', 'admin')
  @ApiOperation({
    summary:
      "A closed month's pay lines as CSV, streamed: agentId, period, revision, code, amount, total (yuan, two decimals), one row per pay line of each agent's latest revision, by agent id",
  })
  @ApiProduces('text/csv')
  @ApiErrorResponses(400, 401, 403, 409)
  async csv(@Param('period', ParsePeriodPipe) period: string): Promise<StreamableFile> {
    const chunks = await this.exporter.execute(period);
    // Readable.from pulls the next chunk only when the response has taken the last: backpressure end to end.
    return new StreamableFile(Readable.from(chunks), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="payroll-${period}.csv"` });
  }
}
