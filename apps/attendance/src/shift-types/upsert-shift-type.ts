import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { invalid } from '../attendance.errors';
import { shiftSpan, shiftTypeErrors, type ShiftType } from '../domain/days/shift-type';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { RosterStore } from '../store/roster.store';
import { ShiftTypeStore } from '../store/shift-type.store';
import type { UpsertShiftTypeCommand } from './upsert-shift-type.command';

/**
 * Stores a shift type; the roster days of it that have not closed yet are placed in time again,
 * so the close worker and clock matching follow the new times. Closed days keep theirs.
 */
@Injectable()
export class UpsertShiftType {
  constructor(
    private readonly scope: TransactionScope,
    private readonly types: ShiftTypeStore,
    private readonly rosters: RosterStore,
    private readonly policy: AttendancePolicyStore,
  ) {}

  async execute(cmd: UpsertShiftTypeCommand): Promise<ShiftType> {
    const errors = shiftTypeErrors(cmd);
    if (errors.length) throw invalid(errors);
    const type: ShiftType = { ...cmd, nameZh: cmd.nameZh || cmd.code, nameEn: cmd.nameEn || cmd.code };
    return this.scope.run(async () => {
      await this.types.upsert(type);
      const policy = (await this.policy.current()).values;
      const open = await this.rosters.openOfShift(type.code);
      await this.rosters.put(open.map((d) => ({ ...d, span: shiftSpan(d.date, type, policy) })));
      return type;
    });
  }
}
