import { decodeCursor, encodeCursor, mapPage, pageOf } from './page';
import { cursorKey, limitOf } from './page.query';

describe('pages', () => {
  it('keeps `limit` rows and names the last one when the store found one more', () => {
    const rows = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }];
    const page = pageOf(rows, 2, (r) => [r.n, r.id]);
    expect(page.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor!, ['int', 'string'])).toEqual([2, 'b']);
    expect(pageOf(rows, 3, (r) => [r.n, r.id])).toEqual({ items: rows, nextCursor: null });
    expect(mapPage(page, (r) => r.id)).toEqual({ items: ['a', 'b'], nextCursor: page.nextCursor });
  });

  it('refuses cursors it did not write', () => {
    expect(decodeCursor(encodeCursor(['x']), ['int'])).toBeNull();
    expect(decodeCursor(encodeCursor([1, 'x']), ['int'])).toBeNull();
    expect(decodeCursor('not base64!', ['string'])).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), ['string'])).toBeNull();
    expect(decodeCursor(encodeCursor([1e300]), ['int'])).toBeNull();
    expect(() => cursorKey({ cursor: encodeCursor(['x']) }, ['int'])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }));
    expect(cursorKey({}, ['int'])).toBeUndefined();
    expect(cursorKey({ cursor: encodeCursor([7]) }, ['int'])).toEqual([7]);
    expect(limitOf({})).toBe(100);
    expect(limitOf({ limit: 5 })).toBe(5);
  });
});

describe('cursor keys hold what their columns can compare', () => {
  it('refuses NUL, lone surrogates, impossible dates and instants past 9999', () => {
    const bad = (key: Array<string | number>, parts: Parameters<typeof cursorKey>[1]) => () => cursorKey({ cursor: encodeCursor(key) }, parts);
    expect(bad(['a\u0000'], ['string'])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }));
    expect(bad(['\ud800'], ['string'])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }));
    expect(bad(['2026-02-30'], ['date'])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }));
    expect(bad([2 ** 52], ['instant'])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }));
    expect(cursorKey({ cursor: encodeCursor(['A1', '2026-10-05', 1_760_000_000_000]) }, ['string', 'date', 'instant'])).toEqual(['A1', '2026-10-05', 1_760_000_000_000]);
  });
});
