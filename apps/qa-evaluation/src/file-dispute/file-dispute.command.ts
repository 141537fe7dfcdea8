import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform';

/** `POST /v1/evaluations/{id}/disputes`: whether the item is on the evaluation, and the window and monthly maximum, are the use case's. */
export class FileDisputeCommand {
  @ApiProperty({ description: 'The disputed item of the evaluation\'s form', example: 'complete-answer', maxLength: 100 })
  @IsText(100)
  itemId!: string;

  @ApiProperty({ description: 'Why the agent disagrees', example: '已完整答复', maxLength: 4000 })
  @IsText(4000)
  reason!: string;
}
