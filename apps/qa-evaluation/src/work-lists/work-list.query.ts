import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';

/** `?period=&evaluatorId=` beside `?limit=&cursor=`; the month is checked by the handler (400 QA.REQUEST_INVALID). */
export class WorkListQuery extends PageQuery {
  @ApiProperty({ example: '2026-10', description: 'yyyy-mm / 月份' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ example: 'Q01', description: 'default: the caller / 默认为本人' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evaluatorId?: string;
}
