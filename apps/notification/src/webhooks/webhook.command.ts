import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ID_SYNTAX } from '../domain/input/input-problem';
import { MIN_SECRET_LENGTH } from '../domain/webhooks/webhook-input';
import { IfPresent } from '../request/if-present';

/**
 * POST /v1/webhooks and PUT /v1/webhooks/:webhookId. Only the shape is checked here: the URL's
 * scheme and address (SSRF) and the kinds' syntax and existence are the use case's (ManageWebhooks).
 */
export class WebhookCommand {
  @ApiPropertyOptional({ description: 'Letters, digits, dot, dash or underscore (≤ 100); generated when absent (ignored on PUT)', example: 'ops-bridge' })
  @IfPresent() @IsString() @Matches(ID_SYNTAX, { message: 'webhookId: letters, digits, dot, dash or underscore (≤ 100) / 仅限字母、数字、点、横线、下划线(≤ 100)' })
  webhookId?: string;

  @ApiProperty({ format: 'uri', maxLength: 2000, description: 'http(s) only; internal and reserved addresses are refused', example: 'https://ops.example.com/hooks/cc' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  url!: string;

  @ApiProperty({ minLength: MIN_SECRET_LENGTH, maxLength: 500, description: 'Signs every POST (HMAC-SHA256); shown back only as its last characters', example: 'whsec_3f9a0c1e7b2d4a6f' })
  @IsString() @MinLength(MIN_SECRET_LENGTH, { message: `secret must be at least ${MIN_SECRET_LENGTH} characters / 密钥至少 ${MIN_SECRET_LENGTH} 个字符` }) @MaxLength(500)
  secret!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, description: 'Alert kinds or patterns (`*` for all)', example: ['call.*'] })
  @IsArray() @ArrayMinSize(1, { message: 'kinds: list at least one alert kind or pattern (`*` for all) / 至少列出一个告警类型' }) @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(100, { each: true })
  kinds!: string[];

  @ApiPropertyOptional({ example: true })
  @IfPresent() @IsBoolean()
  enabled?: boolean;
}
