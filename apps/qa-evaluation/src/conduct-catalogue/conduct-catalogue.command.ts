import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, ValidateIf, type ValidationOptions } from 'class-validator';
import { IsText } from '@app/platform';

/** Absent leaves the field as it is; null is no value to set, so it is refused like any other wrong type. */
const UnlessAbsent = (): PropertyDecorator => ValidateIf((_o: object, v: unknown) => v !== undefined);
const IsFiniteNumber = (property: string, options?: ValidationOptions): PropertyDecorator =>
  IsNumber({ allowNaN: false, allowInfinity: false }, { ...options, message: `${property} must be a number / 须为数字` });

/**
 * `PUT /v1/conduct-catalogue/{code}`: the fields to change, each optional; the others keep their value.
 * That each default lies within its range is judged by the use case on the item as changed.
 */
export class ChangeCatalogueItemCommand {
  @ApiPropertyOptional({ description: 'Default amount, yuan', example: 50 })
  @UnlessAbsent() @IsFiniteNumber('amount')
  amount?: number;

  @ApiPropertyOptional({ description: 'Lowest amount an issuer may choose, yuan', example: 50 })
  @UnlessAbsent() @IsFiniteNumber('amountMin')
  amountMin?: number;

  @ApiPropertyOptional({ description: 'Highest amount an issuer may choose, yuan', example: 100 })
  @UnlessAbsent() @IsFiniteNumber('amountMax')
  amountMax?: number;

  @ApiPropertyOptional({ description: 'Default points', example: 3 })
  @UnlessAbsent() @IsFiniteNumber('points')
  points?: number;

  @ApiPropertyOptional({ description: 'Lowest points an issuer may choose', example: 3 })
  @UnlessAbsent() @IsFiniteNumber('pointsMin')
  pointsMin?: number;

  @ApiPropertyOptional({ description: 'Highest points an issuer may choose', example: 5 })
  @UnlessAbsent() @IsFiniteNumber('pointsMax')
  pointsMax?: number;

  @ApiPropertyOptional({ example: '离岗', maxLength: 2000 })
  @UnlessAbsent() @IsText()
  labelZh?: string;

  @ApiPropertyOptional({ example: 'Leaving the post', maxLength: 2000 })
  @UnlessAbsent() @IsText()
  labelEn?: string;

  @ApiPropertyOptional({ example: 'discipline', maxLength: 2000 })
  @UnlessAbsent() @IsText()
  category?: string;

  @ApiPropertyOptional({ description: 'false: no longer offered to issuers', example: true })
  @UnlessAbsent() @IsBoolean({ message: 'active must be true or false / 须为 true 或 false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'A first offence is a recorded warning instead of the fine (rules.md §4)', example: true })
  @UnlessAbsent() @IsBoolean({ message: 'firstOffenceWarning must be true or false / 须为 true 或 false' })
  firstOffenceWarning?: boolean;
}
