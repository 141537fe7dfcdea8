import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsPeriod, PageQuery } from '@app/platform';

/** `GET /v1/rosters`: a month's roster days by (agentId, date), of a team or one agent. */
export class RosterListQuery extends PageQuery {
  @ApiProperty({ example: '2026-10' })
  @IsPeriod()
  period: string;

  @ApiPropertyOptional({ example: 'T1' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  team?: string;

  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;
}
