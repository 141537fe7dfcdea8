import { DateTime } from 'luxon';
import { DEFAULT_QA_POLICY } from '../policy/qa-policy';
import { appraisalWindow, periodWeeks, stageDeadline, stagesToRemind } from './appraisal-calendar';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' });

describe('appraisal calendar (Asia/Shanghai)', () => {
  it('October is open from 1 November 00:00 until the end of 10 November, local time', () => {
    const w = appraisalWindow('2026-10', DEFAULT_QA_POLICY);
    expect(w.opens.toUTC().toISO()).toBe('2026-10-31T16:00:00.000Z');
    expect(w.closes.toUTC().toISO()).toBe('2026-11-10T16:00:00.000Z');
    expect(stageDeadline('2026-12', 'self', DEFAULT_QA_POLICY).toUTC().toISO()).toBe('2027-01-02T16:00:00.000Z');
    const late = { ...DEFAULT_QA_POLICY, appraisal: { ...DEFAULT_QA_POLICY.appraisal, finalDueDay: 32 } };
    expect(stageDeadline('2026-10', 'final', late).toUTC().toISO()).toBe('2026-11-30T16:00:00.000Z'); // the end of 30 November
  });

  it('reminds a day before each deadline and not after it', () => {
    expect(stagesToRemind('2026-10', at('2026-11-02T09:00'), DEFAULT_QA_POLICY)).toEqual(['self']);
    expect(stagesToRemind('2026-10', at('2026-11-01T23:59'), DEFAULT_QA_POLICY)).toEqual([]); // the reminder day is the 2nd itself
    expect(stagesToRemind('2026-10', at('2026-10-31T23:59'), DEFAULT_QA_POLICY)).toEqual([]);
    expect(stagesToRemind('2026-10', at('2026-11-05T08:00'), DEFAULT_QA_POLICY)).toEqual(['supervisor']);
    expect(stagesToRemind('2026-10', at('2026-11-10T23:00'), DEFAULT_QA_POLICY)).toEqual(['final']);
    expect(stagesToRemind('2026-10', at('2026-11-11T00:00'), DEFAULT_QA_POLICY)).toEqual([]);
  });
});

describe('periodWeeks', () => {
  it('cuts a month into weeks of seven local days and a remainder', () => {
    const w = periodWeeks('2026-10', 'Asia/Shanghai');
    expect(w.map((x) => [x.week, x.from.toISOString(), x.to.toISOString()])).toEqual([
      [0, '2026-09-30T16:00:00.000Z', '2026-10-07T16:00:00.000Z'],
      [1, '2026-10-07T16:00:00.000Z', '2026-10-14T16:00:00.000Z'],
      [2, '2026-10-14T16:00:00.000Z', '2026-10-21T16:00:00.000Z'],
      [3, '2026-10-21T16:00:00.000Z', '2026-10-28T16:00:00.000Z'],
      [4, '2026-10-28T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
    ]);
    expect(periodWeeks('2026-02', 'Asia/Shanghai')).toHaveLength(4); // 28 days: no remainder
  });
});
