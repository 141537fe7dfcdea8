import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';
import type { DeliveryStatus } from '../store/delivery.store';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'sending', 'delivered', 'failed', 'skipped'];

/** `GET /v1/deliveries`: the log newest first, of one alert, one webhook endpoint, in one state. */
export class DeliveryListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  alertId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  webhookId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}
