import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AlertEvent } from '@app/contracts';
import type { AttemptRecord, DeliveryChannel, DeliveryRecipient, DeliveryStatus, LoggedDelivery } from '../store/delivery.store';

const CHANNELS: readonly DeliveryChannel[] = ['webhook', 'email', 'inbox'];
const STATUSES: readonly DeliveryStatus[] = ['pending', 'sending', 'delivered', 'failed', 'skipped'];
const OUTCOMES: ReadonlyArray<AttemptRecord['outcome']> = ['delivered', 'failed', 'timeout', 'skipped'];

/** Who or what the delivery goes to, as resolved when the alert was routed: the fields of its channel. */
export class DeliveryRecipientView implements DeliveryRecipient {
  @ApiPropertyOptional() webhookId?: string;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] }) language?: 'zh-CN' | 'en';
  @ApiPropertyOptional() userId?: string;
  @ApiPropertyOptional({ description: 'the inbox audience' }) audience?: string;
}

/** One try at sending. */
export class DeliveryAttemptView implements AttemptRecord {
  @ApiProperty({ type: 'integer', minimum: 1 }) attempt!: number;
  @ApiProperty({ enum: OUTCOMES }) outcome!: AttemptRecord['outcome'];
  @ApiProperty({ type: 'integer', nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when nothing was sent' }) latencyMs!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
}

/** One alert to one target: its state and every attempt. */
export class DeliveryView implements LoggedDelivery {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() alertId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: DeliveryChannel;
  @ApiProperty({ description: 'the endpoint id, the address or the inbox audience' }) target!: string;
  @ApiProperty({ type: DeliveryRecipientView }) recipient!: DeliveryRecipientView;
  // The alert event's own contract (libs/contracts) describes it; repeating it here would drift.
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the alert as sent' }) message!: AlertEvent;
  @ApiProperty({ enum: STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [DeliveryAttemptView] }) attemptLog!: DeliveryAttemptView[];
}
