import { checkAgainst } from '@app/platform';
import { UpsertShiftTypeCommand } from './upsert-shift-type.command';

describe('a shift type as posted', () => {
  it('takes an overnight type with its minutes', () => {
    expect(checkAgainst(UpsertShiftTypeCommand, { code: 'night', start: '22:00', end: '06:00', lateGraceMinutes: 0, checkOutWindowAfterMinutes: 1440 }).ok).toBe(true);
  });

  it('refuses a bad code, "off", bad times and minutes outside 0…1440 by path', () => {
    const paths = (raw: object) => {
      const r = checkAgainst(UpsertShiftTypeCommand, raw);
      return r.ok ? [] : r.problems.map((p) => p.path);
    };
    expect(paths({ code: 'off', start: '25:00', end: '06:00', lateGraceMinutes: -1 })).toEqual(['code', 'start', 'lateGraceMinutes']);
    expect(paths({ code: 'Night!', start: '22:00', end: '6:00', earlyLeaveGraceMinutes: 1.5, checkInWindowBeforeMinutes: 1441, nameZh: 7 })).toEqual([
      'code', 'nameZh', 'end', 'earlyLeaveGraceMinutes', 'checkInWindowBeforeMinutes',
    ]);
  });
});
