import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, MaxLength } from 'class-validator';
import { IsText } from '@app/platform';

interface FieldDoc {
  description: string;
  example: unknown;
}

/** Required text (the platform's IsText) documented in the same decorator. */
export const RequiredText = (max: number, doc: FieldDoc): PropertyDecorator => applyDecorators(ApiProperty({ type: String, maxLength: max, ...doc }), IsText(max));

/** Optional text (absent, null or a string of at most `max`); an empty string means "none", as the hand parsers took it. */
export const OptionalText = (max: number, doc: FieldDoc): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max, nullable: true, ...doc }),
    IsOptional(),
    MaxLength(max, { message: `$property: text of up to ${max} characters / 文本,最多 ${max} 字` }),
  );
