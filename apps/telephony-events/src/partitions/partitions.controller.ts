import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses, type Page } from '@app/platform';
import { page } from '../openapi/schema-kit';
import { ListPartitions, ListPartitionsQuery, type PartitionView } from './list-partitions';

const PARTITIONS = page(
  {
    type: 'object',
    required: ['table', 'partition', 'from', 'to', 'rowsEstimate'],
    properties: {
      table: { type: 'string', enum: ['call_event', 'call_facts', 'call_leg'] },
      partition: { type: 'string', example: 'call_event_y2026m10' },
      from: { type: ['string', 'null'], format: 'date-time', example: '2026-10-01T00:00:00.000+08:00', description: 'null for the default partition' },
      to: { type: ['string', 'null'], format: 'date-time', example: '2026-11-01T00:00:00.000+08:00' },
      rowsEstimate: { type: 'number', description: 'PostgreSQL’s estimate as of the last ANALYZE' },
    },
  },
  {},
  'By table, then by partition name (months in order; each table’s default first)',
);

@ApiTags('admin')
@Controller('v1/admin/partitions')
export class PartitionsController {
  constructor(private readonly list: ListPartitions) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Month partitions of call events, facts and agent legs, with their local bounds (archiving a month: README, Scaling out)' })
  @ApiOkResponse({ schema: PARTITIONS })
  @ApiErrorResponses(400, 401, 403)
  execute(@Query() q: ListPartitionsQuery): Promise<Page<PartitionView>> {
    return this.list.execute(q);
  }
}
