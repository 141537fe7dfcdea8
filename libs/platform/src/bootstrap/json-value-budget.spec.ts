import { exceedsJsonValueBudget, jsonShapeProblem } from './json-value-budget';

const over = (text: string, max: number) => exceedsJsonValueBudget(Buffer.from(text), max);

describe('exceedsJsonValueBudget', () => {
  it('counts every opening brace or bracket and every comma', () => {
    expect(over('[{},{},{}]', 6)).toBe(false);
    expect(over('[{},{},{}]', 5)).toBe(true);
    expect(over('{"a":1,"b":[1,2]}', 4)).toBe(false);
  });

  it('skips what strings hold, escaped quotes included', () => {
    expect(over('["a,b,{[", 1]', 2)).toBe(false);
    expect(over('["a\\",{[,", 2]', 2)).toBe(false);
    expect(over('["a\\\\",{}]', 3)).toBe(false); // the string ends after the escaped backslash
    expect(over('["a\\\\",{}]', 2)).toBe(true);
  });
});

describe('jsonShapeProblem', () => {
  const shape = (text: string, maxDepth: number, lines = false) => jsonShapeProblem(Buffer.from(text), { maxValues: 1_000_000, maxDepth, lines });

  it('measures nesting outside strings, a top-level array of objects being 2 deep', () => {
    expect(shape('[{"a":1},{"b":[2]}]', 3)).toBeNull();
    expect(shape('[{"a":1},{"b":[2]}]', 2)).toBe('depth');
    expect(shape('{"a":"[[[[[[{{{{"}', 1)).toBeNull();
    expect(shape(`${'{"d":'.repeat(10_000)}1${'}'.repeat(10_000)}`, 64)).toBe('depth');
  });

  it('in NDJSON, each line starts at depth 0, even after a broken one', () => {
    const lines = ['{"a":[', ...Array.from({ length: 100 }, () => '{"c":[1]}')].join('\n');
    expect(shape(lines, 3, true)).toBeNull();
    expect(shape(lines, 3, false)).toBe('depth');
    // A string left open ends with its line too: what follows is counted again.
    expect(shape('{"b":"unclosed\n[[[[1]]]]', 3, true)).toBe('depth');
  });

  it('reports the value budget before the depth when both are passed', () => {
    expect(jsonShapeProblem(Buffer.from('[[[[1,2,3]]]]'), { maxValues: 2, maxDepth: 2 })).toBe('values');
  });
});
