import { ApiProperty } from '@nestjs/swagger';
import type { WorkItem } from '../store/sampling.store';

/** `GET /v1/sampling/work-list`: a call sampling assigned to an evaluator / 抽检通话. */
export class WorkItemView implements WorkItem {
  @ApiProperty() callId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty() evaluatorId!: string;
  @ApiProperty({ type: 'integer', description: 'the week of the month the call was sampled for' }) week!: number;
  @ApiProperty({ format: 'date', description: 'the local date the evaluation is planned for' }) dueDate!: string;
  @ApiProperty({ description: 'yyyy-MM' }) period!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null until evaluated / 未质检为 null' }) evaluationId!: string | null;
}
