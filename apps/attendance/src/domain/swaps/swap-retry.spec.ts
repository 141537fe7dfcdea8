import { standingSameSwap } from './swap-retry';
import type { SwapRequest } from './swap-rules';

const swap = (swapId: string, over: Partial<SwapRequest> = {}) => ({ swapId, requesterId: 'R', counterpartId: 'C', date: '2026-10-05', paybackDate: '2026-10-07', ...over });
const ask: SwapRequest = { requesterId: 'R', counterpartId: 'C', date: '2026-10-05', paybackDate: '2026-10-07' };

describe('standingSameSwap: a swap asked for again is the one on file', () => {
  it('finds the swap with the same two people and days', () => {
    const standing = [swap('S1', { date: '2026-10-01' }), swap('S2')];
    expect(standingSameSwap(ask, standing)?.swapId).toBe('S2');
  });

  it.each([
    ['the other way round', { requesterId: 'C', counterpartId: 'R' }],
    ['another counterpart', { counterpartId: 'D' }],
    ['another date', { date: '2026-10-06' }],
    ['another pay-back date', { paybackDate: '2026-10-08' }],
  ])('finds nothing for %s', (_, over) => {
    expect(standingSameSwap(ask, [swap('S1', over)])).toBeUndefined();
  });
});
