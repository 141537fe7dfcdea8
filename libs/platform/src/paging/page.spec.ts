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
