import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPeriod, PageQuery } from '@app/platform';

/** `GET /v1/leave`: leave overlapping a month, by (agentId, from, leaveId), of everyone in reach or one agent. */
export class LeaveListQuery extends PageQuery {
  @ApiProperty({ example: '2026-10' })
  @IsPeriod()
  period: string;

  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;
}
