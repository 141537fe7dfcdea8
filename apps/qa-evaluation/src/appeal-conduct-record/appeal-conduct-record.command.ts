import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@app/platform';

/** `POST /v1/conduct-records/{id}/appeal`: the window and "once per record" are the use case's (qa's own codes). */
export class AppealConductRecordCommand {
  @ApiProperty({ description: 'Why the agent contests the record', example: '当时在处理客户工单', maxLength: 4000 })
  @IsText(4000)
  reason!: string;
}
