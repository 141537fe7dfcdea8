import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OUTBOX_DEFAULTS } from '@app/messaging';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class ParkedOutboxQuery {
  @ApiPropertyOptional({ example: 100, maximum: OUTBOX_DEFAULTS.parkedPageLimit })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(OUTBOX_DEFAULTS.parkedPageLimit)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextAfterSeq` of the previous page' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  afterSeq?: number;
}
