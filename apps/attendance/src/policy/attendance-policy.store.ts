import { Injectable } from '@nestjs/common';
import { PolicyCopyStore, TransactionScope, type ActivePolicy as Active } from '@app/persistence';
import { DEFAULT_ATTENDANCE_POLICY, type AttendancePolicy } from '../domain/policy/attendance-policy';

export type ActivePolicy = Active<AttendancePolicy>;

/**
 * The attendance policy in force: the typed defaults with the stored overrides on top (seeded
 * empty by migration, replaced when scoring activates a policy).
 */
@Injectable()
export class AttendancePolicyStore extends PolicyCopyStore<AttendancePolicy> {
  constructor(scope: TransactionScope) {
    super(scope, { table: 'attendance.policy_copy', column: 'attendance', defaults: DEFAULT_ATTENDANCE_POLICY });
  }

  current(): Promise<ActivePolicy> {
    return this.active();
  }
}
