import { createReadStream } from 'node:fs';

/** A run of whole lines of a file, with the exact byte range it covers, so a checkpoint can resume after it. */
export interface LineChunk {
  /**
   * Each line's bytes with its own terminator ('\n' or '\r\n'; none for a last line without one),
   * sent as they are so the service sees the file's bytes. An over-long line is an empty buffer.
   */
  lines: Buffer[];
  /** File offset of the chunk's first byte. */
  startOffset: number;
  /** File offset just after its last byte: where the next chunk (or a resumed run) starts. */
  endOffset: number;
  /** File line number (from 1) of `lines[0]`. */
  firstLine: number;
  /** File line numbers of the lines longer than the byte cap, dropped unread. */
  overlong: number[];
}

export interface ChunkLimits {
  maxLines: number;
  /** A chunk is cut before a line that would take it past this; a single line past it is dropped (over-long). */
  maxBytes: number;
}

const EMPTY = Buffer.alloc(0);

/**
 * Splits bytes arriving in pieces into chunks of whole lines, counting offsets in bytes (not
 * characters: a resumed run reads from a byte offset). It holds at most one chunk and one line;
 * a line past the byte cap is only counted off, never kept, so one endless line cannot fill the heap.
 */
export class LineChunker {
  private lines: Buffer[] = [];
  private overlong: number[] = [];
  private chunkBytes = 0;
  /** File bytes the chunk covers, over-long lines included. */
  private span = 0;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private discarding = false;
  private chunkStart: number;
  private firstLine: number;

  constructor(private readonly limits: ChunkLimits, startOffset = 0, firstLine = 1) {
    this.chunkStart = startOffset;
    this.firstLine = firstLine;
  }

  /** Takes the next piece of the file; returns the chunks it completed. */
  push(piece: Buffer): LineChunk[] {
    const done: LineChunk[] = [];
    for (let pos = 0; pos < piece.length; ) {
      const nl = piece.indexOf(10, pos);
      const end = nl < 0 ? piece.length : nl + 1;
      this.take(piece.subarray(pos, end));
      pos = end;
      if (nl >= 0) this.endLine(done);
    }
    return done;
  }

  /** The file ended: a last line without '\n' still counts. */
  end(): LineChunk[] {
    const done: LineChunk[] = [];
    if (this.partialBytes > 0) this.endLine(done);
    if (this.lines.length > 0) done.push(this.cut());
    return done;
  }

  private take(bytes: Buffer): void {
    this.partialBytes += bytes.length;
    if (this.discarding) return;
    if (this.partialBytes > this.limits.maxBytes) {
      this.discarding = true;
      this.partial = [];
      return;
    }
    this.partial.push(bytes);
  }

  private endLine(done: LineChunk[]): void {
    const line = this.discarding ? EMPTY : this.partial.length === 1 ? this.partial[0] : Buffer.concat(this.partial, this.partialBytes);
    if (this.lines.length > 0 && this.chunkBytes + line.length > this.limits.maxBytes) done.push(this.cut());
    if (this.discarding) this.overlong.push(this.firstLine + this.lines.length);
    this.lines.push(line);
    this.chunkBytes += line.length;
    this.span += this.partialBytes;
    this.partial = [];
    this.partialBytes = 0;
    this.discarding = false;
    if (this.lines.length >= this.limits.maxLines) done.push(this.cut());
  }

  private cut(): LineChunk {
    const chunk: LineChunk = { lines: this.lines, startOffset: this.chunkStart, endOffset: this.chunkStart + this.span, firstLine: this.firstLine, overlong: this.overlong };
    this.chunkStart += this.span;
    this.firstLine += this.lines.length;
    this.lines = [];
    this.overlong = [];
    this.chunkBytes = 0;
    this.span = 0;
    return chunk;
  }
}

/** Where a run starts reading: a byte offset at the start of a line, and that line's number. */
export interface FilePosition {
  offset: number;
  line: number;
}

/** Chunks of a file from `from` to its end, streamed: the heap holds one chunk whatever the file's size. */
export async function* readLineChunks(path: string, limits: ChunkLimits, from: FilePosition = { offset: 0, line: 1 }): AsyncGenerator<LineChunk> {
  const chunker = new LineChunker(limits, from.offset, from.line);
  for await (const piece of createReadStream(path, { start: from.offset, highWaterMark: 1 << 20 })) yield* chunker.push(piece as Buffer);
  yield* chunker.end();
}
