import { leaveOnDay } from './leave-on-day';

const leave = (type: string, from: string, to = from, halfDay: 'am' | 'pm' | null = null) => ({ type, from, to, halfDay });

describe('leaveOnDay: the leave a date is under', () => {
  it('is nothing on a date no leave covers', () => {
    expect(leaveOnDay([leave('annual', '2026-10-05', '2026-10-07')], '2026-10-08')).toBeUndefined();
  });

  it('is the whole day for leave spanning it', () => {
    expect(leaveOnDay([leave('annual', '2026-10-05', '2026-10-07')], '2026-10-06')).toEqual({ type: 'annual', types: ['annual'] });
  });

  it('is half the day for a single half', () => {
    expect(leaveOnDay([leave('sick', '2026-10-05', '2026-10-05', 'pm')], '2026-10-05')).toEqual({ type: 'sick', halfDay: 'pm', types: ['sick'] });
  });

  it('is the whole day when its morning and its afternoon were filed apart', () => {
    const halves = [leave('sick', '2026-10-05', '2026-10-05', 'pm'), leave('annual', '2026-10-05', '2026-10-05', 'am')];
    expect(leaveOnDay(halves, '2026-10-05')).toEqual({ type: 'annual', types: ['annual', 'sick'] });
    const sameType = [leave('sick', '2026-10-05', '2026-10-05', 'am'), leave('sick', '2026-10-05', '2026-10-05', 'pm')];
    expect(leaveOnDay(sameType, '2026-10-05')).toEqual({ type: 'sick', types: ['sick'] });
  });
});
