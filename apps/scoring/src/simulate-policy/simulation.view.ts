import { ApiProperty } from '@nestjs/swagger';
import type { SimulatedFigures, Simulation } from './simulate-policy';

export class SimulatedFiguresView implements SimulatedFigures {
  @ApiProperty({ type: Number, nullable: true }) total: number | null;
  @ApiProperty({ type: String, nullable: true }) grade: string | null;
  @ApiProperty() levelAfter: string;
  @ApiProperty({ description: 'Yuan / 元' }) payTotal: number;
}

export class SimulatedAgentView {
  @ApiProperty() agentId: string;
  @ApiProperty({ type: () => SimulatedFiguresView }) before: SimulatedFiguresView;
  @ApiProperty({ type: () => SimulatedFiguresView }) after: SimulatedFiguresView;
  @ApiProperty() changed: boolean;
}

export class SimulationSummaryView {
  @ApiProperty() agents: number;
  @ApiProperty() changed: number;
  @ApiProperty() payTotalBefore: number;
  @ApiProperty() payTotalAfter: number;
}

/** What-if: the month under the draft policy beside the one in force / 政策模拟结果 */
export class SimulationView implements Simulation {
  @ApiProperty({ example: '2026-10' }) period: string;
  @ApiProperty() basePolicyVersion: string;
  @ApiProperty({ type: () => [SimulatedAgentView] }) agents: SimulatedAgentView[];
  @ApiProperty({ type: () => SimulationSummaryView }) summary: SimulationSummaryView;
}
