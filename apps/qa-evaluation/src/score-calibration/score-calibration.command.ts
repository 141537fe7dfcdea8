import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, ValidateNested } from 'class-validator';
import { AnswerCommand } from '../submit-evaluation/answer.command';

/** `POST /v1/calibrations/:id/scores`: answered against the session's form version by the use case. */
export class ScoreCalibrationCommand {
  @ApiProperty({ description: 'Every item of the session\'s form version answered once', type: [AnswerCommand] })
  @IsArray({ message: 'answers must be an array / answers 必须是数组' })
  @ValidateNested({ each: true })
  @Type(() => AnswerCommand)
  answers!: AnswerCommand[];
}
