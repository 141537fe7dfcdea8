import { ApiProperty } from '@nestjs/swagger';
import type { WebhookView } from './manage-webhooks';

/** The circuit breaker of an endpoint: open after repeated failures, so deliveries wait instead of hammering it. */
export class WebhookCircuitView {
  @ApiProperty({ type: 'integer', minimum: 0 }) consecutiveFailures!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'until when deliveries wait; null while the circuit is closed' }) openUntil!: string | null;
}

/** A registered endpoint as the admin sees it: the secret only as its last characters. */
export class WebhookItemView implements WebhookView {
  @ApiProperty() webhookId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String], description: 'the alert kinds POSTed to it' }) kinds!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'the secret’s last four characters, e.g. …a1b2' }) secretHint!: string;
  @ApiProperty({ type: WebhookCircuitView }) circuit!: WebhookCircuitView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
