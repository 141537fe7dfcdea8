import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { invalid } from '../attendance.errors';
import { isRecord } from '../domain/item-errors';
import { shiftSpan, shiftTypeErrors, type ShiftType } from '../domain/shift-type';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { RosterStore } from '../store/roster.store';
import { ShiftTypeStore } from '../store/shift-type.store';

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

  async execute(raw: unknown): Promise<ShiftType> {
    if (!isRecord(raw)) throw invalid([{ path: 'body', message: 'a shift type object' }]);
    const errors = shiftTypeErrors(raw);
    const known = ['code', 'nameZh', 'nameEn', 'start', 'end', 'lateGraceMinutes', 'earlyLeaveGraceMinutes', 'checkInWindowBeforeMinutes', 'checkOutWindowAfterMinutes'];
    errors.push(...Object.keys(raw).filter((k) => !known.includes(k)).map((k) => ({ path: k, message: 'unknown field' })));
    if (errors.length) throw invalid(errors);
    const type = { nameZh: raw.code, nameEn: raw.code, ...raw } as ShiftType;
    return this.scope.run(async () => {
      await this.types.upsert(type);
      const policy = (await this.policy.current()).values;
      const open = await this.rosters.openOfShift(type.code);
      await this.rosters.put(open.map((d) => ({ ...d, span: shiftSpan(d.date, type, policy) })));
      return type;
    });
  }
}
