import { ApiProperty } from '@nestjs/swagger';
import type { CloseOutcome } from './close-period';
import type { PeriodView } from './period-status';

/** The fields a month's state and a close both answer with. */
class PeriodStateFields {
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state: 'open' | 'closed';
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The policy the month is (or was) scored by / 适用的政策版本' }) policyVersion: string | null;
  @ApiProperty({ description: 'Closed despite missing appraisals / 强制结账' }) forced: boolean;
  @ApiProperty({ type: [String], description: 'Agents whose previous appraisal carried over / 沿用上月考评的坐席' }) carriedOver: string[];
}

/** A month's state / 月份状态 */
export class PeriodStateView extends PeriodStateFields implements PeriodView {
  @ApiProperty() agents: number;
  @ApiProperty({ type: [String], description: 'Open month: who still has no appraisal / 尚无考评的坐席' }) missingAppraisals: string[];
  @ApiProperty() revisedAgents: number;
}

/** What a close did / 结账结果 */
export class CloseOutcomeView extends PeriodStateFields implements CloseOutcome {
  @ApiProperty({ description: 'False when the month was already closed / 已结账时为 false' }) closedNow: boolean;
  @ApiProperty({ description: 'Scorecards finalised by this close / 本次定稿的记分卡数' }) finalized: number;
}
