import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPeriod, PageQuery } from '@app/platform';

/** `GET /v1/attendance/summary`: a month per agent, by agentId, or one agent's month. */
export class SummaryQuery extends PageQuery {
  @ApiProperty({ example: '2026-10' })
  @IsPeriod()
  period: string;

  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;
}
