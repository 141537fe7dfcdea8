import { DEFAULT_QA_POLICY } from '../policy/qa-policy';
import { checkDispute, type DisputeContext } from './dispute-rules';

const released = new Date('2026-10-10T02:00:00Z');
const ctx = (over: Partial<DisputeContext> = {}): DisputeContext => ({
  releasedAt: released, now: new Date('2026-10-12T02:00:00Z'), filedThisMonth: 0, itemIds: new Set(['a', 'b']), openItemIds: new Set(), ...over,
});

describe('checkDispute', () => {
  it('takes a dispute on a known item within 7 days', () => {
    expect(checkDispute('a', ctx(), DEFAULT_QA_POLICY)).toEqual([]);
    expect(checkDispute('a', ctx({ now: new Date('2026-10-17T02:00:00Z') }), DEFAULT_QA_POLICY)).toEqual([]); // exactly 7 days
  });

  it('refuses after the window, past the monthly maximum, on an unknown or already-disputed item, or before release', () => {
    const code = (c: Partial<DisputeContext>, item = 'a') => checkDispute(item, ctx(c), DEFAULT_QA_POLICY)[0]?.code;
    expect(code({ now: new Date('2026-10-17T02:00:01Z') })).toBe('QA.DISPUTE_WINDOW_CLOSED');
    expect(code({ filedThisMonth: 3 })).toBe('QA.DISPUTE_LIMIT_REACHED');
    expect(code({}, 'zz')).toBe('QA.UNKNOWN_ITEM');
    expect(code({ openItemIds: new Set(['a']) })).toBe('QA.DISPUTE_ALREADY_OPEN');
    expect(code({ releasedAt: null })).toBe('QA.EVALUATION_NOT_RELEASED');
  });
});
