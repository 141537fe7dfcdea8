import { shiftTypeErrors } from './shift-type';

describe('shiftTypeErrors', () => {
  it('refuses a shift type that ends when it starts (an overnight one is fine)', () => {
    expect(shiftTypeErrors({ start: '22:00', end: '06:00' })).toEqual([]);
    expect(shiftTypeErrors({ start: '09:00', end: '09:00' }).map((e) => e.path)).toEqual(['end']);
  });
});
