import { exceedsJsonValueBudget } from './json-value-budget';

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
