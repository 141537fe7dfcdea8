import { ApiProperty } from '@nestjs/swagger';
import type { HalfDay, LeaveStatus } from '../domain/leave/leave-overlap';
import type { LeaveRecord } from '../store/leave.store';

const STATUSES: readonly LeaveStatus[] = ['requested', 'approved', 'rejected'];
const HALF_DAYS: readonly HalfDay[] = ['am', 'pm'];

/** A leave request in any status, with who asked and who decided. */
export class LeaveRecordView implements LeaveRecord {
  @ApiProperty() leaveId!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty({ description: 'a leave type code of the policy' }) type!: string;
  @ApiProperty({ format: 'date', description: 'yyyy-MM-dd, the first day' }) from!: string;
  @ApiProperty({ format: 'date', description: 'yyyy-MM-dd, the last day (inclusive)' }) to!: string;
  @ApiProperty({ enum: HALF_DAYS, nullable: true, description: 'which half of a one-day leave; null for whole days' }) halfDay!: HalfDay | null;
  @ApiProperty({ enum: STATUSES }) status!: LeaveStatus;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the decider’s reason' }) reason!: string | null;
}
