import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { NotificationErrors } from '../notification.errors';
import type { DeliveryStatus } from '../store/delivery.store';
import { DELIVERY_STATUSES, DeliveryLog } from './delivery-log';

const MAX_LIMIT = 1_000;

@ApiTags('deliveries')
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLog) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'The delivery log: per target, its state and every attempt (outcome, status code, latency)' })
  @ApiQuery({ name: 'alertId', required: false })
  @ApiQuery({ name: 'webhookId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: DELIVERY_STATUSES })
  @ApiQuery({ name: 'limit', required: false })
  list(@Query('alertId') alertId?: string, @Query('webhookId') webhookId?: string, @Query('status') status?: string, @Query('limit') limit?: string) {
    const details = [];
    if (status !== undefined && !DELIVERY_STATUSES.includes(status as DeliveryStatus)) details.push({ path: 'status', message: `one of ${DELIVERY_STATUSES.join(', ')}` });
    const n = limit === undefined ? 200 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) details.push({ path: 'limit', message: `an integer from 1 to ${MAX_LIMIT}` });
    if (details.length) throw NotificationErrors.invalidRequest(details);
    return this.log.list({ alertId, webhookId, status: status as DeliveryStatus | undefined, limit: n });
  }

  @Post(':deliveryId/resend')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Send one failed (or delivered) delivery again' })
  resend(@Param('deliveryId') deliveryId: string): Promise<{ resent: number }> {
    return this.log.resend(deliveryId);
  }
}
