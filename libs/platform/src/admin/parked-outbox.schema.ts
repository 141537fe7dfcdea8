import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { OutboxBacklog, ParkedOutboxRow } from '@app/messaging';

@ApiSchema({ name: 'ParkedOutboxRow' })
export class ParkedOutboxRowSchema implements ParkedOutboxRow {
  @ApiProperty({ example: 'fact-poison-call-v1' }) id: string;
  @ApiProperty({ example: 12093 }) seq: number;
  @ApiProperty({ example: 'telephony.call.summarized' }) subject: string;
  @ApiProperty({ example: '2026-11-21T02:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: 5 }) attempts: number;
  @ApiProperty({ example: 'InvalidArgumentError: \'payload\' max_payload size exceeded', nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ example: 1130000 }) payloadBytes: number;
}

@ApiSchema({ name: 'OutboxBacklog' })
export class OutboxBacklogSchema implements OutboxBacklog {
  @ApiProperty({ example: 1 }) unsent: number;
  @ApiProperty({ example: 1 }) parked: number;
  @ApiProperty({ example: 42.5 }) oldestUnsentAgeSeconds: number;
  @ApiProperty({ example: 0 }) oldestPendingAgeSeconds: number;
}

@ApiSchema({ name: 'ParkedOutboxPage' })
export class ParkedOutboxPageSchema {
  @ApiProperty({ type: [ParkedOutboxRowSchema] }) items: ParkedOutboxRowSchema[];
  @ApiProperty({ type: OutboxBacklogSchema }) backlog: OutboxBacklogSchema;
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterSeq for the next page; null on the last' }) nextAfterSeq: number | null;
}

@ApiSchema({ name: 'OutboxResent' })
export class ResentSchema {
  @ApiProperty({ example: 'fact-poison-call-v1' }) id: string;
  @ApiProperty({ example: true }) resent: boolean;
}
