import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { OutboxBacklogSchema } from '../admin/parked-outbox.schema';

@ApiSchema({ name: 'Live' })
export class LiveSchema {
  @ApiProperty({ example: 'ok', enum: ['ok'] }) status: 'ok';
}

@ApiSchema({ name: 'Readiness' })
export class ReadySchema {
  @ApiProperty({ example: 'ready', enum: ['ready', 'not-ready'] }) status: string;

  @ApiProperty({ example: { database: true, nats: true }, type: 'object', additionalProperties: { type: 'boolean' } })
  checks: Record<string, boolean>;

  @ApiPropertyOptional({ type: OutboxBacklogSchema, description: 'Shown, not deciding readiness' })
  outbox?: OutboxBacklogSchema;
}
