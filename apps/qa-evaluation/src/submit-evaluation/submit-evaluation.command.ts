import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, ValidateNested } from 'class-validator';
import { IsBoundedInt, IsText } from '@app/platform';
import { AnswerCommand } from './answer.command';

/** `POST /v1/evaluations`: the answers against the form version, team scope and the call's agent are the use case's. */
export class SubmitEvaluationCommand {
  @ApiProperty({ example: 'call-2026-10-07-0001', maxLength: 200 })
  @IsText(200)
  callId!: string;

  @ApiProperty({ description: 'The agent scored (one who took the call)', example: 'A1001', maxLength: 100 })
  @IsText(100)
  agentId!: string;

  @ApiProperty({ description: 'A call form', example: 'call-qa', maxLength: 100 })
  @IsText(100)
  formId!: string;

  @ApiProperty({ description: 'A published version of the form', example: 1, minimum: 1 })
  @IsBoundedInt({ min: 1 })
  formVersion!: number;

  @ApiProperty({ description: 'Every item of the version answered once', type: [AnswerCommand] })
  @IsArray({ message: 'answers must be an array / answers 必须是数组' })
  @ValidateNested({ each: true })
  @Type(() => AnswerCommand)
  answers!: AnswerCommand[];

  @ApiPropertyOptional({ example: '开场白规范', maxLength: 4000 })
  @IsOptional()
  @IsText(4000)
  comment?: string;
}
