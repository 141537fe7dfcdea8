import { DomainError } from '../errors/domain-error';
import { isBoundedInt, isCalendarDate, isInstantParam, isPeriodParam, parseBoundedInt, parseCalendarDate, parsePeriod } from './parameters';

describe('parameters', () => {
  it('periods: yyyy-mm from 1970 to 2999', () => {
    expect(['1970-01', '2026-10', '2999-12'].every(isPeriodParam)).toBe(true);
    expect(['0000-01', '1969-12', '3000-01', '9999-12', '2026-13', '2026-00', '2026-1', 'NaN', ' 2026-10', 202610].some(isPeriodParam)).toBe(false);
  });

  it('dates: real calendar days within those years', () => {
    expect(['1970-01-01', '2024-02-29', '2026-12-31', '2999-12-31'].every(isCalendarDate)).toBe(true);
    expect(['0000-01-01', '9999-12-31', '2026-02-29', '2026-02-30', '2026-04-31', '2026-10-5', 'NaN', '2026-10-05T00:00:00Z'].some(isCalendarDate)).toBe(false);
  });

  it('integers: safe and within bounds (default 1 … PostgreSQL integer)', () => {
    expect(isBoundedInt(1)).toBe(true);
    expect(isBoundedInt(2_147_483_647)).toBe(true);
    expect([0, 2_147_483_648, 1e308, 1e30, 1.5, NaN, Infinity, '1'].some((v) => isBoundedInt(v))).toBe(false);
    expect(isBoundedInt(0, { min: 0 })).toBe(true);
  });

  it('parse* return the value or throw the stable code with the path', () => {
    expect(parsePeriod('2026-10')).toBe('2026-10');
    expect(parseCalendarDate('2026-10-05', 'from')).toBe('2026-10-05');
    expect(parseBoundedInt('42', 'version')).toBe(42);
    expect(parseBoundedInt(7, 'page', { max: 10 })).toBe(7);
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        const d = e as DomainError;
        return [d.code, d.status, d.details.map((x) => x.path)];
      }
      return null;
    };
    expect(refusal(() => parsePeriod('0000-01'))).toEqual(['REQUEST.INVALID_PERIOD', 400, ['period']]);
    expect(refusal(() => parseCalendarDate('2026-02-30', 'to'))).toEqual(['REQUEST.INVALID_DATE', 400, ['to']]);
    for (const bad of ['99999999999999999999', '1e3', '0x10', '1.0', '', ' 1', -1]) {
      expect(refusal(() => parseBoundedInt(bad, 'version'))).toEqual(['REQUEST.INVALID_INTEGER', 400, ['version']]);
    }
  });
});

describe('instants', () => {
  it('takes ISO-8601 instants with an offset on real dates within the platform years, nothing else', () => {
    for (const ok of ['2026-10-05T10:00:00Z', '2026-10-05T10:00+08:00', '2026-10-05T10:00:00.123456+0800', '1970-01-01T00:00:00Z']) expect([ok, isInstantParam(ok)]).toEqual([ok, true]);
    for (const bad of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T10:00:00Z', '2026-10-05T10:00:00', '2026-10-05T24:00:00Z', '2026-10-05', 'NaN', 1_760_000_000_000]) expect([bad, isInstantParam(bad)]).toEqual([bad, false]);
  });
});
