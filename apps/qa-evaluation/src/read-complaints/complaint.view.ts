import { ApiProperty } from '@nestjs/swagger';
import type { Complaint } from '../store/complaint.store';

const INSTANT = { type: String, format: 'date-time' } as const;

/** `GET /v1/complaints`: a customer complaint and, once judged, whether it counts against the agent / 投诉. */
export class ComplaintView implements Complaint {
  @ApiProperty() complaintId!: string;
  @ApiProperty(INSTANT) receivedAt!: Date;
  @ApiProperty({ description: 'how the complaint came in' }) channel!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) callId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agentId!: string | null;
  @ApiProperty() registeredBy!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null until judged; only valid ones count against the agent' }) valid!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) judgedBy!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true }) judgedAt!: Date | null;
  @ApiProperty() version!: number;
}
