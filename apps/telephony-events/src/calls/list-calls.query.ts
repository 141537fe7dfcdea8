import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListCallsQuery {
  /** Agents: themselves only (default). Supervisors and QA: anyone, or every call when absent. */
  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;

  @ApiProperty({ example: '2026-10-01' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or instant' })
  from: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or instant' })
  to: string;

  /** `nextCursor` of the previous page. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  cursor?: string;
}
