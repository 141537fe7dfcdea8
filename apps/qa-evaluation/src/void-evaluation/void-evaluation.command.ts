import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform';

/** `POST /v1/evaluations/:id/void`: the reason is kept in the evaluation's history. */
export class VoidEvaluationCommand {
  @ApiProperty({ example: 'scored on the wrong call / 评错通话', maxLength: 4000 })
  @IsText(4000)
  reason!: string;
}
