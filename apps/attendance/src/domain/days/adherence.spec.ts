import { adherence, availableIntervals } from './adherence';

describe('adherence', () => {
  it('measures adherence as logged-in, unpaused time within rostered shifts', () => {
    const t = (h: number) => Date.UTC(2026, 9, 5, h);
    const available = availableIntervals([{ kind: 'login', at: t(1) }, { kind: 'pause', at: t(3) }, { kind: 'unpause', at: t(4) }], t(12));
    expect(available).toEqual([{ from: t(1), to: t(3) }, { from: t(4), to: t(12) }]);
    expect(adherence([{ from: t(0), to: t(8) }], available)).toEqual({ rosteredMinutes: 480, loggedInMinutes: 360, ratio: 0.75 });
    expect(adherence([], available).ratio).toBeNull();
  });
});
