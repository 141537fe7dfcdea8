import { ApiProperty } from '@nestjs/swagger';

/** `POST /v1/conduct-records` (201): the record filed, its amount in yuan. */
export class ConductRecordedView {
  @ApiProperty() recordId!: string;
  @ApiProperty() issuerId!: string;
  @ApiProperty({ description: 'yuan / 元' }) amount!: number;
  @ApiProperty() points!: number;
  @ApiProperty({ description: 'reward, penalty, points or adjustment' }) kind!: string;
  @ApiProperty({ description: 'A first offence recorded as a warning / 初犯警告' }) warning!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'yyyy-mm-dd' }) date!: string | null;
}
