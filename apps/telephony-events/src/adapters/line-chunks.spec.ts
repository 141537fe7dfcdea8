import { lineChunks } from './line-chunks';

describe('lineChunks', () => {
  it('yields whole lines with the number of each chunk’s first line', () => {
    expect([...lineChunks('a\nb\nc\nd\ne', 2)]).toEqual([
      { text: 'a\nb\n', firstLine: 1 },
      { text: 'c\nd\n', firstLine: 3 },
      { text: 'e', firstLine: 5 },
    ]);
  });

  it('handles a trailing newline and empty text', () => {
    expect([...lineChunks('a\nb\n', 2)]).toEqual([{ text: 'a\nb\n', firstLine: 1 }]);
    expect([...lineChunks('', 2)]).toEqual([]);
  });
});
