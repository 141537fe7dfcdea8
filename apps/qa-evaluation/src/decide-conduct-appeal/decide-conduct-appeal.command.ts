import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsText } from '@app/platform';

/** `POST /v1/conduct-records/{id}/appeal/decision`. */
export class DecideConductAppealCommand {
  @ApiProperty({ description: 'true: the appeal is upheld and the record voided', example: true })
  @IsBoolean({ message: 'upheld must be true or false / 须为 true 或 false' })
  upheld!: boolean;

  @ApiProperty({ description: 'Why, kept with the decision', example: '工单记录证实', maxLength: 4000 })
  @IsText(4000)
  reason!: string;
}
