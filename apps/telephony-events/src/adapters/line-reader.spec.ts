import { LineSplitter, readLineChunks, type LineChunk } from './line-reader';

const options = { linesPerChunk: 2, charsPerChunk: 1_000, maxLineLength: 5 };

async function chunksOf(pieces: Array<string | Buffer>, opts = options): Promise<LineChunk[]> {
  async function* bytes() {
    for (const p of pieces) yield typeof p === 'string' ? Buffer.from(p) : p;
  }
  const out: LineChunk[] = [];
  for await (const chunk of readLineChunks(bytes(), opts)) out.push(chunk);
  return out;
}

const texts = (chunks: LineChunk[]) => chunks.map((c) => c.text);

describe('readLineChunks', () => {
  it('yields chunks of whole lines with the file number of each chunk’s first line', async () => {
    expect(await chunksOf(['a\nb\nc\nd\ne'])).toEqual([
      { text: 'a\nb', firstLine: 1, lineCount: 2, overlong: [] },
      { text: 'c\nd', firstLine: 3, lineCount: 2, overlong: [] },
      { text: 'e', firstLine: 5, lineCount: 1, overlong: [] },
    ]);
  });

  it('joins lines split across pieces, drops \\r of \\r\\n (even when \\r and \\n arrive apart) and keeps blank lines counted', async () => {
    expect(await chunksOf(['ab', 'c\r', '\n\r\nde\r\n'])).toEqual([
      { text: 'abc\n', firstLine: 1, lineCount: 2, overlong: [] },
      { text: 'de', firstLine: 3, lineCount: 1, overlong: [] },
    ]);
  });

  it('has no line after a final newline, and nothing for an empty body', async () => {
    expect(texts(await chunksOf(['a\nb\n']))).toEqual(['a\nb']);
    expect(await chunksOf([])).toEqual([]);
    expect(await chunksOf(['', ''])).toEqual([]);
  });

  it('rejoins a UTF-8 character whose bytes are split between pieces, and drops a leading byte-order mark', async () => {
    const bytes = Buffer.from('\ufeff坐席\n话务');
    const pieces = Array.from(bytes, (b) => Buffer.from([b])); // one byte at a time
    expect(texts(await chunksOf(pieces))).toEqual(['坐席\n话务']);
    expect(texts(await chunksOf([Buffer.from([0xe5, 0x9d])]))).toEqual(['\ufffd']); // cut off at the end
  });

  it('reports a line past the limit by its number and keeps its place as an empty line', async () => {
    expect(await chunksOf(['12345\n123456\nok\r\n1234567'])).toEqual([
      { text: '12345\n', firstLine: 1, lineCount: 2, overlong: [2] },
      { text: 'ok\n', firstLine: 3, lineCount: 2, overlong: [4] },
    ]);
    // Exactly at the limit before its \r\n is not too long.
    expect((await chunksOf(['12345\r\n']))[0].overlong).toEqual([]);
  });

  it('does not keep the text of an over-long line while it arrives', () => {
    const splitter = new LineSplitter({ linesPerChunk: 10, charsPerChunk: 1_000, maxLineLength: 100 });
    splitter.push('first\n');
    for (let i = 0; i < 1_000; i++) expect(splitter.push('x'.repeat(10_000))).toEqual([]);
    const pending = (splitter as unknown as { pending: string[] }).pending;
    expect(pending).toEqual([]);
    splitter.push('\nlast');
    expect(splitter.end()).toEqual([{ text: 'first\n\nlast', firstLine: 1, lineCount: 3, overlong: [2] }]);
  });

  it('cuts a chunk early when its lines hold the character budget, so long lines never make a huge chunk', async () => {
    const chunks = await chunksOf(['aaaa\nbbbb\ncccc\nd\n'], { linesPerChunk: 100, charsPerChunk: 8, maxLineLength: 5 });
    expect(chunks).toEqual([
      { text: 'aaaa\nbbbb', firstLine: 1, lineCount: 2, overlong: [] },
      { text: 'cccc\nd', firstLine: 3, lineCount: 2, overlong: [] },
    ]);
  });

  it('numbers lines across many chunks exactly as the file does', async () => {
    const lines = Array.from({ length: 10_001 }, (_, i) => (i % 997 === 0 ? 'y'.repeat(50) : `line ${i + 1}`));
    const pieces = lines.join('\r\n').match(/[\s\S]{1,333}/g)!;
    const chunks = await chunksOf(pieces, { linesPerChunk: 4_000, charsPerChunk: 1_000_000, maxLineLength: 20 });
    expect(chunks.map((c) => [c.firstLine, c.lineCount])).toEqual([[1, 4_000], [4_001, 4_000], [8_001, 2_001]]);
    expect(chunks.flatMap((c) => c.overlong)).toEqual(lines.flatMap((l, i) => (l.startsWith('y') ? [i + 1] : [])));
    const read = chunks.flatMap((c) => c.text.split('\n'));
    expect(read.filter((l, i) => l !== '' && l !== `line ${i + 1}`)).toEqual([]);
  });
});
