import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { OutboxParking } from '@app/messaging';
import { NotFoundError } from '../errors/domain-error';
import { ApiErrorResponses } from '../http/error-body.schema';
import { ParkedOutboxQuery } from './parked-outbox.query';
import { ParkedOutboxPageSchema, ResentSchema } from './parked-outbox.schema';

/** Every service's parked outbox rows: what the stream refused for good, and a resend once the cause is fixed. */
@ApiTags('admin')
@ApiErrorResponses(400, 401, 403)
@Controller('v1/admin/outbox/parked')
export class OutboxAdminController {
  constructor(private readonly parking: OutboxParking) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: ParkedOutboxPageSchema })
  async list(@Query() q: ParkedOutboxQuery): Promise<ParkedOutboxPageSchema> {
    const limit = q.limit ?? 100;
    const [items, backlog] = await Promise.all([this.parking.listParked(limit, q.afterSeq ?? 0), this.parking.backlog()]);
    return { items, backlog, nextAfterSeq: items.length === limit ? items[items.length - 1].seq : null };
  }

  @Post(':id/resend')
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({ type: ResentSchema })
  @ApiErrorResponses(404)
  async resend(@Param('id') id: string): Promise<ResentSchema> {
    if (!(await this.parking.resend(id))) {
      throw new NotFoundError('OUTBOX.PARKED_NOT_FOUND', `No parked outbox message has id ${id} / 没有该暂存消息`);
    }
    return { id, resent: true };
  }
}
