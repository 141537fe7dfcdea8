import { itemsFromBody } from './request-items';

describe('itemsFromBody', () => {
  it('takes a JSON array as it is', () => {
    expect(itemsFromBody([{ a: 1 }])).toEqual({ items: [{ a: 1 }], unreadable: [] });
  });

  it('reads NDJSON, keeping indexes of unreadable lines so the others still count', () => {
    const r = itemsFromBody('{"a":1}\n\n{oops\n{"b":2}\n');
    expect(r).toEqual({
      items: [{ a: 1 }, undefined, { b: 2 }],
      unreadable: [{ index: 1, errors: [{ path: 'events[1]', message: expect.stringMatching(/^not valid JSON/) }] }],
    });
  });

  it('rejects a body that is neither', () => {
    expect(itemsFromBody({ events: [] })).toEqual({ error: expect.stringContaining('JSON array') });
  });
});
