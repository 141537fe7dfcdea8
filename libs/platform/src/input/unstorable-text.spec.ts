import { firstUnstorable, unstorableItem, unstorableText, unstorableTextIn } from './unstorable-text';

describe('unstorableText', () => {
  it('finds NUL and lone surrogates, and leaves pairs, CJK and other controls alone', () => {
    expect(unstorableText('李娜 🙂 tab\there')).toBeNull();
    expect(unstorableText('a\u0000b')).toBe('nul');
    expect(unstorableText('\ud800')).toBe('lone-surrogate'); // high, at the end
    expect(unstorableText('\ud800x')).toBe('lone-surrogate'); // high, not followed by a low
    expect(unstorableText('x\udc00')).toBe('lone-surrogate'); // low, standing first
    expect(unstorableText('\ud83d\ude42\udc00')).toBe('lone-surrogate'); // a pair, then a lone low
    expect(firstUnstorable('ab\n\u0000')).toEqual({ index: 3, why: 'nul' });
  });
});

describe('unstorableTextIn', () => {
  it('names every bad string and key by its path, escaping the key', () => {
    const found = unstorableTextIn({ name: 'ok', note: 'x\u0000', answers: [{ itemId: 'a' }, { itemId: '\ud800' }], scores: { 'k\u0000': 1 } });
    expect(found.map((d) => d.path)).toEqual(['note', 'answers[1].itemId', 'scores["k\\u0000"]']);
    expect(found[0].message).toContain('NUL');
  });

  it('prefixes a path, names a bare string `body`, and stops after max', () => {
    expect(unstorableTextIn({ n: '\u0000' }, 'agents[1]')).toEqual([{ path: 'agents[1].n', message: expect.any(String) }]);
    expect(unstorableTextIn('\u0000')).toEqual([{ path: 'body', message: expect.any(String) }]);
    expect(unstorableTextIn(Array.from({ length: 50 }, () => '\u0000'), '', 5)).toHaveLength(5);
    expect(unstorableTextIn({ a: 1, b: true, c: null, d: [1.5] })).toEqual([]);
  });

  it('walks 100,000 levels without using the call stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(unstorableTextIn(deep)).toHaveLength(1);
  });
});

describe('unstorableItem', () => {
  it('is the per-item error of a batch, or null', () => {
    expect(unstorableItem({ name: 'ok' }, 'agents[0]')).toBeNull();
    expect(unstorableItem({ name: '\u0000' }, 'agents[1]')).toEqual({ code: 'REQUEST.INVALID_TEXT', errors: [{ path: 'agents[1].name', message: expect.any(String) }] });
  });
});
