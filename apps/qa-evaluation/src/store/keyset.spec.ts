import { encodeCursor } from '@app/platform';
import { instantOf, microsOf, pageRequest, reachCondition } from './keyset';

const refused = expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR', status: 400 });

describe('keyset paging pieces', () => {
  it('reads limit and cursor into a page request; the first page has no key', () => {
    expect(pageRequest({}, ['int', 'string'])).toEqual({ after: undefined, limit: 100 });
    expect(pageRequest({ limit: 7, cursor: encodeCursor([1_796_400_230_279_810, 'e-1']) }, ['int', 'string'])).toEqual({ after: [1_796_400_230_279_810, 'e-1'], limit: 7 });
    expect(pageRequest({ cursor: encodeCursor(['2026-10-31', 'c-9']) }, ['date', 'string']).after).toEqual(['2026-10-31', 'c-9']);
  });

  it('refuses a cursor another list wrote, or one edited to hold what its column cannot compare', () => {
    expect(() => pageRequest({ cursor: encodeCursor(['call-qa', 1]) }, ['int', 'string'])).toThrow(refused);
    expect(() => pageRequest({ cursor: encodeCursor([1, 'e\u0000']) }, ['int', 'string'])).toThrow(refused);
    expect(() => pageRequest({ cursor: encodeCursor([1, 'e\ud800']) }, ['int', 'string'])).toThrow(refused);
    expect(() => pageRequest({ cursor: encodeCursor(['2026-02-30', 'c']) }, ['date', 'string'])).toThrow(refused);
    expect(() => pageRequest({ cursor: encodeCursor(['October', 'c']) }, ['date', 'string'])).toThrow(refused);
  });

  it('turns a reach into one SQL condition with its parameters from the given position', () => {
    expect(reachCondition({ all: true }, 'agent_id', 3)).toEqual({
      sql: '($3::boolean OR agent_id = $4::text OR agent_id IN (SELECT agent_id FROM qa.agent WHERE team = ANY($5::text[])))', params: [true, null, []],
    });
    const { sql, params } = reachCondition({ all: false, self: 'A1', teams: new Set(['T1', 'T3']) }, 'c.agent_id', 1, { keepUnattributed: true });
    expect(sql).toMatch(/OR c\.agent_id IS NULL\)$/);
    expect(params).toEqual([false, 'A1', ['T1', 'T3']]);
  });

  it('keeps timestamps to the microsecond both ways', () => {
    expect(microsOf('created_at')).toBe('floor(extract(epoch FROM created_at) * 1000000)::bigint');
    expect(instantOf('$5')).toBe("(timestamptz 'epoch' + $5::bigint * interval '1 microsecond')");
  });
});
