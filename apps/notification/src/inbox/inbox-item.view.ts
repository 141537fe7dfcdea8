import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEVERITIES } from '../domain/alerts/alert';
import type { AudienceKind, InboxItem } from '../store/inbox.store';

const AUDIENCE_KINDS: readonly AudienceKind[] = ['user', 'role', 'team'];

/** One alert as it sits in a person's inbox. */
export class InboxItemView implements InboxItem {
  @ApiProperty() itemId!: string;
  @ApiProperty() alertId!: string;
  @ApiProperty({ enum: AUDIENCE_KINDS, description: 'one person, everyone holding a role, or the supervisors of a team' }) audienceKind!: AudienceKind;
  @ApiProperty({ description: 'the person, role or team the item is addressed to' }) audienceId!: string;
  @ApiProperty({ description: 'the alert kind, e.g. qa.conduct.penalty' }) kind!: string;
  // Typed loosely in the store; the alert intake accepts only these.
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiPropertyOptional({ description: 'the agent the alert is about' }) agentId?: string;
  @ApiPropertyOptional() team?: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the alert’s facts (a reward/penalty record: `recordId`)' }) facts!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
}
