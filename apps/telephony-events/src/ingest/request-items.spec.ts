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

  it('refuses more items than the cap before parsing any NDJSON line, and counts a JSON array', () => {
    expect(itemsFromBody('{"a":1}\n\n{not json\n{"b":2}\n', 'events', 2)).toEqual({ tooMany: 3 });
    expect(itemsFromBody([1, 2, 3], 'events', 2)).toEqual({ tooMany: 3 });
    expect(itemsFromBody('{"a":1}\n  \n', 'events', 1)).toEqual({ items: [{ a: 1 }], unreadable: [] });
  });

  it('escapes and cuts the parser message it echoes (it quotes the input)', () => {
    const r = itemsFromBody('{"a":"\u0000' + 'x'.repeat(500) + '\u0001 oops\n') as { unreadable: Array<{ errors: Array<{ message: string }> }> };
    const message = r.unreadable[0].errors[0].message;
    expect(message.length).toBeLessThan(260);
    expect([...message].some((ch) => ch.charCodeAt(0) < 9)).toBe(false);
  });
});
