import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEVERITIES, type AlertSeverity } from '../domain/alerts/alert';
import { CHANNELS, RECIPIENT_ROLES, type NamedRecipient, type PersonChannel, type RecipientRole, type RuleMatch } from '../domain/routing/routing-rule';
import type { StoredRoutingRule } from '../store/routing-rule.store';

/** Which alerts a rule takes; an absent list places no limit. */
export class RuleMatchView implements RuleMatch {
  @ApiPropertyOptional({ type: [String], description: 'kinds or globs (`call.*`); absent = every kind' }) kinds?: string[];
  @ApiPropertyOptional({ enum: SEVERITIES, isArray: true }) severities?: AlertSeverity[];
  @ApiPropertyOptional({ type: [String] }) teams?: string[];
  @ApiPropertyOptional({ type: [String] }) agentIds?: string[];
}

/** A person named by id, by address, or both. */
export class NamedRecipientView implements NamedRecipient {
  @ApiPropertyOptional({ description: 'an agent id or login subject' }) userId?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] }) language?: 'zh-CN' | 'en';
}

/** A routing rule as stored: who receives which alerts, by which channels. */
export class RoutingRuleView implements StoredRoutingRule {
  @ApiProperty() ruleId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: RuleMatchView }) match!: RuleMatchView;
  @ApiProperty({ enum: RECIPIENT_ROLES, isArray: true }) roles!: RecipientRole[];
  @ApiProperty({ type: [NamedRecipientView] }) recipients!: NamedRecipientView[];
  @ApiProperty({ type: [String] }) webhookIds!: string[];
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'channels for people; webhooks are their own channel' }) channels!: PersonChannel[];
  @ApiProperty({ description: 'applies only when no other rule matched' }) fallback!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'installed with the service rather than by an admin' }) seeded!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
