import { ApiProperty } from '@nestjs/swagger';
import { SCORECARD_PARTS, type ConductKind, type ScorecardPart } from '@app/contracts';
import type { CatalogueItem } from '../domain/conduct/catalogue';

export const CONDUCT_KINDS: ConductKind[] = ['reward', 'penalty', 'points', 'adjustment'];

/** A reward/penalty catalogue item as served: amounts in yuan, points as deduction points or a signed change. */
export class CatalogueItemView implements CatalogueItem {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CONDUCT_KINDS }) kind!: ConductKind;
  @ApiProperty() category!: string;
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ description: 'yuan / 元' }) amount!: number;
  @ApiProperty() amountMin!: number;
  @ApiProperty() amountMax!: number;
  @ApiProperty() points!: number;
  @ApiProperty() pointsMin!: number;
  @ApiProperty() pointsMax!: number;
  @ApiProperty({ description: 'The amount is the recorded loss itself: the issuer gives it / 金额即损失,由开具人填写' }) amountFromRecord!: boolean;
  @ApiProperty({ description: 'A first offence is a recorded warning / 初犯记警告' }) firstOffenceWarning!: boolean;
  @ApiProperty() dismissal!: boolean;
  @ApiProperty({ enum: SCORECARD_PARTS, nullable: true }) scorecardPart!: ScorecardPart | null;
  @ApiProperty({ description: 'Computed from call events by scoring, not recorded by hand / 由计分服务计算' }) computed!: boolean;
  @ApiProperty() active!: boolean;
}
