import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LEVELS, type Level } from '@app/contracts';
import {
  SCORING_ALERT_KINDS,
  type Adjustment,
  type AlertDraft,
  type ComponentScore,
  type DeductionItem,
  type Kpi,
  type LevelDecision,
  type ScorePayLine,
} from '../domain/scoring/scorecard';
import type { ScorecardView } from './read-scorecards';

const REASON = 'Bilingual reason line, Chinese first / 中英文原因';

export class KpiView implements Kpi {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiPropertyOptional({ description: 'The `kpi` key of GET …/calls, for a KPI counted over calls / 通话类指标的 kpi 键' }) calls?: string;
}

export class ComponentScoreView implements ComponentScore {
  @ApiProperty() id: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() max: number;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String] }) inputIds: string[];
  @ApiProperty({ description: REASON }) reason: string;
}

export class AdjustmentView implements Adjustment {
  @ApiProperty() code: string;
  @ApiProperty() points: number;
  @ApiProperty({ type: [String] }) inputIds: string[];
  @ApiProperty({ description: REASON }) reason: string;
}

export class DeductionItemView implements DeductionItem {
  @ApiProperty() code: string;
  @ApiProperty() points: number;
  @ApiProperty({ type: [String] }) inputIds: string[];
  @ApiProperty({ description: REASON }) reason: string;
}

export class DeductionsView {
  @ApiProperty({ type: () => [DeductionItemView] }) items: DeductionItemView[];
  @ApiProperty() monthPoints: number;
  @ApiProperty() windowPoints: number;
}

export class PayLineView implements ScorePayLine {
  @ApiProperty() code: string;
  @ApiProperty({ description: 'Yuan / 元' }) amount: number;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: [String] }) inputIds: string[];
  @ApiProperty({ description: REASON }) reason: string;
  @ApiPropertyOptional({ description: 'A first offence: recorded, 0 yuan / 首次违规:记录,0 元' }) warning?: boolean;
}

export class PayView {
  @ApiProperty({ enum: ['CNY'] }) currency: 'CNY';
  @ApiProperty({ type: () => [PayLineView] }) lines: PayLineView[];
  @ApiProperty() total: number;
}

export class LevelDecisionView implements LevelDecision {
  @ApiProperty({ enum: LEVELS }) levelBefore: Level;
  @ApiProperty({ enum: LEVELS }) levelAfter: Level;
  @ApiProperty({ enum: ['promoted', 'demoted', 'kept'] }) change: 'promoted' | 'demoted' | 'kept';
  @ApiProperty({ type: String, nullable: true }) rule: string | null;
  @ApiProperty({ description: REASON }) reason: string;
}

export class AlertDraftView implements AlertDraft {
  @ApiProperty({ enum: SCORING_ALERT_KINDS }) kind: AlertDraft['kind'];
  @ApiProperty({ enum: ['info', 'warning', 'critical'] }) severity: AlertDraft['severity'];
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts: Record<string, unknown>;
}

/** A scorecard as GET /v1/scorecards/{agentId}/{period} and the month's list answer it / 记分卡 */
@ApiExtraModels(KpiView)
export class ScorecardCardView implements ScorecardView {
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty() agentId: string;
  @ApiProperty() name: string;
  @ApiProperty() team: string;
  @ApiProperty() role: string;
  @ApiProperty({ description: "Which of the policy's scorecards scored the person: agent, shift-lead or supervisor / 适用的记分卡" }) scorecard: string;
  @ApiProperty() policyVersion: string;
  @ApiProperty() appraised: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(KpiView) } }) kpis: Record<string, KpiView>;
  @ApiProperty({ type: () => [ComponentScoreView] }) components: ComponentScoreView[];
  @ApiProperty({ type: () => [AdjustmentView] }) adjustments: AdjustmentView[];
  @ApiProperty({ type: () => DeductionsView }) deductions: DeductionsView;
  @ApiProperty({ type: Number, nullable: true }) total: number | null;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty({ type: String, nullable: true }) gradeLabel: string | null;
  @ApiProperty() justificationRequired: boolean;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "Null when barred from the month's awards / 无评奖资格时为 null" }) awardRank: number | null;
  @ApiProperty() rank1Streak: number;
  @ApiProperty({ type: () => LevelDecisionView }) level: LevelDecisionView;
  @ApiProperty({ type: () => PayView }) pay: PayView;
  @ApiProperty({ type: [String] }) flags: string[];
  @ApiProperty({ type: () => [AlertDraftView] }) alerts: AlertDraftView[];
  @ApiProperty({ enum: ['provisional', 'final'], description: 'Provisional while the month is open / 月份未结时为临时' }) status: 'provisional' | 'final';
  @ApiProperty({ type: Number, nullable: true, description: 'The revision once closed / 结账后的修订号' }) revision: number | null;
}
