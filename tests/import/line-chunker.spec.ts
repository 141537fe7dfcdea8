import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineChunker, readLineChunks, type ChunkLimits, type LineChunk } from '../../scripts/import-history/line-chunker';

/** Feeds `bytes` in pieces of the given sizes (cycled), as a file stream would deliver them. */
function chunksOf(bytes: Buffer, limits: ChunkLimits, pieceSizes: number[], start = { offset: 0, line: 1 }): LineChunk[] {
  const chunker = new LineChunker(limits, start.offset, start.line);
  const out: LineChunk[] = [];
  for (let pos = start.offset, k = 0; pos < bytes.length; k++) {
    const size = pieceSizes[k % pieceSizes.length];
    out.push(...chunker.push(bytes.subarray(pos, pos + size)));
    pos += size;
  }
  return [...out, ...chunker.end()];
}

const text = (c: LineChunk) => Buffer.concat(c.lines).toString('utf8');

describe('LineChunker', () => {
  const file = Buffer.from(Array.from({ length: 23 }, (_, i) => `17300000${String(i).padStart(2, '0')}|c${i}|sales|NONE|ENTERQUEUE||138|1\n`).join(''));

  it.each([[[1]], [[7, 3]], [[4096]], [[file.length]]])('cuts whole lines with exact byte offsets, whatever the pieces (%j)', (pieces) => {
    const chunks = chunksOf(file, { maxLines: 5, maxBytes: 1 << 20 }, pieces);
    expect(chunks.map((c) => c.lines.length)).toEqual([5, 5, 5, 5, 3]);
    expect(chunks.map((c) => c.firstLine)).toEqual([1, 6, 11, 16, 21]);
    // Contiguous: each chunk starts where the previous ended, and the bytes are the file's.
    chunks.forEach((c, i) => {
      expect(c.startOffset).toBe(i === 0 ? 0 : chunks[i - 1].endOffset);
      expect(Buffer.concat(c.lines).equals(file.subarray(c.startOffset, c.endOffset))).toBe(true);
    });
    expect(chunks.at(-1)!.endOffset).toBe(file.length);
    for (const c of chunks) for (const line of c.lines) expect(line.at(-1)).toBe(10);
  });

  it('resumes from a chunk boundary with the same chunks that followed it', () => {
    const limits = { maxLines: 4, maxBytes: 1 << 20 };
    const whole = chunksOf(file, limits, [13]);
    const resumed = chunksOf(file, limits, [5], { offset: whole[2].startOffset, line: whole[2].firstLine });
    expect(resumed.map((c) => [c.startOffset, c.endOffset, c.firstLine, text(c)])).toEqual(whole.slice(2).map((c) => [c.startOffset, c.endOffset, c.firstLine, text(c)]));
  });

  it('counts a last line without a newline, and ends at the file size', () => {
    const bytes = Buffer.from('a|1\nb|2\nc|3');
    const chunks = chunksOf(bytes, { maxLines: 2, maxBytes: 100 }, [2]);
    expect(chunks.map(text)).toEqual(['a|1\nb|2\n', 'c|3']);
    expect(chunks[1]).toMatchObject({ startOffset: 8, endOffset: 11, firstLine: 3 });
  });

  it('keeps CRLF lines as they are, offsets counting the \\r', () => {
    const bytes = Buffer.from('a|1\r\nb|2\r\nc|3\r\n');
    const chunks = chunksOf(bytes, { maxLines: 2, maxBytes: 100 }, [3]);
    expect(chunks.map(text)).toEqual(['a|1\r\nb|2\r\n', 'c|3\r\n']);
    expect(chunks.map((c) => [c.startOffset, c.endOffset])).toEqual([[0, 10], [10, 15]]);
  });

  it('cuts before the line that would pass the byte cap', () => {
    const bytes = Buffer.from('aaaa\nbbbb\ncccc\n');
    const chunks = chunksOf(bytes, { maxLines: 100, maxBytes: 12 }, [64]);
    expect(chunks.map(text)).toEqual(['aaaa\nbbbb\n', 'cccc\n']);
    expect(chunks.map((c) => c.endOffset)).toEqual([10, 15]);
  });

  it('drops a line longer than the cap unread, still covering its bytes', () => {
    const bytes = Buffer.from(`ok|1\n${'x'.repeat(50)}\nok|3\n`);
    const chunks = chunksOf(bytes, { maxLines: 100, maxBytes: 20 }, [7]);
    expect(chunks.flatMap((c) => c.overlong)).toEqual([2]);
    expect(chunks.flatMap((c) => c.lines.map(String))).toEqual(['ok|1\n', '', 'ok|3\n']);
    expect(chunks.at(-1)!.endOffset).toBe(bytes.length);
  });

  it('reads a file from a byte offset (readLineChunks)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chunker-'));
    try {
      const path = join(dir, 'queue_log');
      writeFileSync(path, file);
      const all: LineChunk[] = [];
      for await (const c of readLineChunks(path, { maxLines: 10, maxBytes: 1 << 20 })) all.push(c);
      const rest: LineChunk[] = [];
      for await (const c of readLineChunks(path, { maxLines: 10, maxBytes: 1 << 20 }, { offset: all[0].endOffset, line: 11 })) rest.push(c);
      expect(rest.map(text)).toEqual(all.slice(1).map(text));
      expect(rest.at(-1)!.endOffset).toBe(file.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
