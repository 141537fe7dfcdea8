import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SEVERITIES } from '../domain/alerts/alert';
import { ID_SYNTAX } from '../domain/input/input-problem';
import { EMAIL, type RoutingRuleRequest } from '../domain/routing/routing-rule-input';
import { CHANNELS, RECIPIENT_ROLES } from '../domain/routing/routing-rule';
import { IfPresent } from '../request/if-present';

/** Lists a rule names: long enough for any real routing table, short enough to bound one request. */
const MAX_NAMES = 200;
const NAME_LENGTH = 100;

/** A list of names; each name's own rule (syntax, enumeration) is checked by index in the domain. */
const Names = (): PropertyDecorator =>
  applyDecorators(IfPresent(), IsArray(), ArrayMaxSize(MAX_NAMES), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(NAME_LENGTH, { each: true }));

export class RuleMatchCommand {
  @ApiPropertyOptional({ type: [String], description: 'Alert kinds or globs (`call.*`); absent = every kind', example: ['call.long-hold'] })
  @Names()
  kinds?: string[];

  @ApiPropertyOptional({ enum: SEVERITIES, isArray: true, example: ['warning', 'critical'] })
  @Names()
  severities?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Teams the alert (or its agent) belongs to', example: ['T1'] })
  @Names()
  teams?: string[];

  @ApiPropertyOptional({ type: [String], example: ['A1001'] })
  @Names()
  agentIds?: string[];
}

export class RecipientCommand {
  @ApiPropertyOptional({ description: 'A person id: their inbox, and their e-mail from the agent records (userId or email required)', example: 'QA7' })
  @IfPresent() @IsString() @IsNotEmpty() @MaxLength(NAME_LENGTH)
  userId?: string;

  @ApiPropertyOptional({ description: 'An address not (or not only) in the agent records', example: 'qa-lead@cc.example' })
  @IfPresent() @IsString() @MaxLength(320) @Matches(EMAIL, { message: 'email must be an e-mail address / 须为电子邮件地址' })
  email?: string;

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], example: 'zh-CN' })
  @IfPresent() @IsIn(['zh-CN', 'en'])
  language?: 'zh-CN' | 'en';
}

/** POST /v1/routing-rules and PUT /v1/routing-rules/:ruleId. */
export class RoutingRuleCommand implements RoutingRuleRequest {
  @ApiPropertyOptional({ description: 'Letters, digits, dot, dash or underscore (≤ 100); generated when absent; the path wins on PUT', example: 'qa-long-hold-t1' })
  @IfPresent() @IsString() @Matches(ID_SYNTAX, { message: 'ruleId: letters, digits, dot, dash or underscore (≤ 100) / 仅限字母、数字、点、横线、下划线(≤ 100)' })
  ruleId?: string;

  @ApiProperty({ maxLength: 200, example: 'Long holds in T1 to QA' })
  @IsString() @Matches(/\S/, { message: 'name must not be blank / 名称不能为空' }) @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: () => RuleMatchCommand, description: 'Every list given must match; absent = every alert' })
  @IfPresent() @IsObject() @ValidateNested() @Type(() => RuleMatchCommand)
  match?: RuleMatchCommand;

  @ApiPropertyOptional({ enum: RECIPIENT_ROLES, isArray: true, description: 'Roles relative to the alert', example: ['team-supervisors'] })
  @Names()
  roles?: string[];

  @ApiPropertyOptional({ type: () => [RecipientCommand] })
  @IfPresent() @IsArray() @ArrayMaxSize(MAX_NAMES) @ValidateNested({ each: true }) @Type(() => RecipientCommand)
  recipients?: RecipientCommand[];

  @ApiPropertyOptional({ type: [String], description: 'Registered webhooks', example: ['ops-bridge'] })
  @Names()
  webhookIds?: string[];

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: 'Channels for people; default both', example: ['inbox'] })
  @Names() @ArrayMinSize(1, { message: 'channels: name at least one channel / 至少指定一个渠道' })
  channels?: string[];

  @ApiPropertyOptional({ description: 'Applies only when no other rule matched', example: false })
  @IfPresent() @IsBoolean()
  fallback?: boolean;

  @ApiPropertyOptional({ example: true })
  @IfPresent() @IsBoolean()
  enabled?: boolean;
}
