import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@app/platform';

/** `GET /v1/shift-swaps`: swaps by (date, swapId), of one agent on either side. */
export class SwapListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'A1001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  agentId?: string;
}
