import { nestingDepth } from './validation.pipe';

describe('nesting depth of a validated input', () => {
  it('counts arrays and objects, and stops once past the limit without recursing', () => {
    expect(nestingDepth('x', 64)).toBe(0);
    expect(nestingDepth({ a: [1, { b: 2 }] }, 64)).toBe(3);
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(nestingDepth(deep, 64)).toBe(65);
  });
});
