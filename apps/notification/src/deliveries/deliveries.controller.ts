import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { DeliveryListQuery } from './delivery-list.query';
import { DeliveryView } from './delivery.view';
import { DeliveryLog } from './delivery-log';

@ApiTags('deliveries')
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLog) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'The delivery log, newest first, a page at a time: per target, its state and every attempt (outcome, status code, latency)' })
  @ApiPage('{ items: deliveries with their attemptLog, nextCursor }', DeliveryView)
  list(@Query() q: DeliveryListQuery): Promise<Page<DeliveryView>> {
    return this.log.list(q);
  }

  @Post(':deliveryId/resend')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Send one failed (or delivered) delivery again' })
  resend(@Param('deliveryId') deliveryId: string): Promise<{ resent: number }> {
    return this.log.resend(deliveryId);
  }
}
