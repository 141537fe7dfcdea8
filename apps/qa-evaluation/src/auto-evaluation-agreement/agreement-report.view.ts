import { ApiProperty } from '@nestjs/swagger';
import type { AgreementReport, Disagreement, ItemAgreement } from '@app/contracts/qa/agreement';
import { ANSWER_VALUE } from '../read-auto-evaluations/answer-value.schema';

export class DisagreementView implements Disagreement {
  @ApiProperty() callId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() evaluationId!: string;
  // The contract keeps these unknown (the domain compares stored answers without reading them); they are answers.
  @ApiProperty({ ...ANSWER_VALUE, description: 'The machine\'s answer / 机器答案' }) machine!: unknown;
  @ApiProperty({ ...ANSWER_VALUE, description: 'The evaluator\'s answer / 质检员答案' }) human!: unknown;
}

export class ItemAgreementView implements ItemAgreement {
  @ApiProperty() itemId!: string;
  @ApiProperty({ description: 'Calls where both answered the item / 双方均作答的通话数' }) compared!: number;
  @ApiProperty() agreed!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'agreed / compared × 100; null with nothing compared' }) percentAgreement!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Cohen\'s kappa; null when undefined / 无定义时为 null' }) kappa!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Counts by `machine|human` answer' }) table!: Record<string, number>;
  @ApiProperty() disagreementCount!: number;
  @ApiProperty({ type: [DisagreementView], description: 'The first of them (at most 100) / 前 100 条' }) disagreements!: DisagreementView[];
}

/** `GET /v1/auto-evaluations/agreement` (libs/contracts qa/agreement.ts). */
export class AgreementReportView implements AgreementReport {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ description: 'Calls with both an automatic and a live human evaluation / 同时有机器与人工质检的通话' }) calls!: number;
  @ApiProperty({ type: [ItemAgreementView] }) items!: ItemAgreementView[];
}
