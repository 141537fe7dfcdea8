import { ApiProperty } from '@nestjs/swagger';
import { SCORECARD_PARTS, type ConductKind, type ScorecardPart } from '@app/contracts';
import { CONDUCT_KINDS } from '../conduct-catalogue/catalogue-item.view';

// Instants are Date on the server and ISO strings once serialised: typed Date here so tsc ties the class to the
// store's record, declared `string, date-time` in the document (what the browser receives).
const INSTANT = { type: String, format: 'date-time' } as const;

/** A reward/penalty record as listed: the amount in yuan (stored in fen). */
export class ConductRecordView {
  @ApiProperty() recordId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CONDUCT_KINDS }) kind!: ConductKind;
  @ApiProperty({ description: 'yuan / 元' }) amount!: number;
  @ApiProperty() points!: number;
  @ApiProperty({ description: 'A first offence recorded as a warning / 初犯警告' }) warning!: boolean;
  @ApiProperty(INSTANT) occurredAt!: Date;
  @ApiProperty({ type: String, nullable: true }) callId!: string | null;
  @ApiProperty() note!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What the issuer attached, as sent / 开具人附带的证据' }) evidence!: unknown;
  @ApiProperty() issuerId!: string;
  @ApiProperty({ enum: ['recorded', 'voided'] }) status!: 'recorded' | 'voided';
  @ApiProperty({ type: String, nullable: true }) causedByRecordId!: string | null;
  @ApiProperty() labelZh!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty({ enum: SCORECARD_PARTS, nullable: true }) scorecardPart!: ScorecardPart | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'yyyy-mm-dd' }) date!: string | null;
  @ApiProperty(INSTANT) createdAt!: Date;
  @ApiProperty({ ...INSTANT, nullable: true }) acknowledgedAt!: Date | null;
  @ApiProperty({ ...INSTANT, nullable: true }) voidedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) voidReason!: string | null;
}

export class ConductAppealView {
  @ApiProperty() recordId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'upheld', 'rejected'] }) status!: 'pending' | 'upheld' | 'rejected';
  @ApiProperty(INSTANT) filedAt!: Date;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) decidedAt!: Date | null;
}

/** One record with its appeal (null when none was filed). */
export class ConductRecordDetailView extends ConductRecordView {
  @ApiProperty({ type: () => ConductAppealView, nullable: true }) appeal!: ConductAppealView | null;
}
