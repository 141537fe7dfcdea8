import { ApiProperty } from '@nestjs/swagger';

// Instants are Date on the server and ISO strings once serialised: typed Date so tsc ties the class to the store.
const INSTANT = { type: String, format: 'date-time' } as const;

export class CalibrationItemSpreadView {
  @ApiProperty() itemId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The expert\'s points / 专家得分' }) expert!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'Points by evaluator id / 各评分人得分' }) points!: Record<string, number | null>;
  @ApiProperty({ type: Number, nullable: true }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true }) max!: number | null;
  @ApiProperty({ type: Number, nullable: true }) spread!: number | null;
}

export class CalibrationEvaluatorView {
  @ApiProperty() evaluatorId!: string;
  @ApiProperty() score!: number;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null without an expert / 无专家时为 null' }) distanceFromExpert!: number | null;
  @ApiProperty({ type: Number, nullable: true }) itemsDifferingFromExpert!: number | null;
}

/** `GET /v1/calibrations/{id}/report`: the session, who has not scored yet, and the spread. */
export class CalibrationReportView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() callId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty({ type: String, nullable: true }) expertId!: string | null;
  @ApiProperty({ type: [String] }) evaluatorIds!: string[];
  @ApiProperty() createdBy!: string;
  @ApiProperty(INSTANT) createdAt!: Date;
  @ApiProperty({ type: [String], description: 'Evaluators who have not scored / 尚未评分的人' }) missing!: string[];
  @ApiProperty({ type: [CalibrationItemSpreadView] }) items!: CalibrationItemSpreadView[];
  @ApiProperty({ type: [CalibrationEvaluatorView] }) evaluators!: CalibrationEvaluatorView[];
  @ApiProperty() percentSpread!: number;
}
