import { StringDecoder } from 'node:string_decoder';

/** A run of whole lines of an upload, numbered as in the file. */
export interface LineChunk {
  /** The lines joined with '\n', without their '\r'; an over-long line stands as an empty one. */
  text: string;
  firstLine: number;
  lineCount: number;
  /** File line numbers of the lines longer than the limit, whose text was dropped unread. */
  overlong: number[];
}

export interface LineReaderOptions {
  linesPerChunk: number;
  /** A chunk is also cut once its lines hold this many characters: long lines make fewer per chunk. */
  charsPerChunk: number;
  /** In characters, as `QueueLogLine.read` counts them (policy `queueLogMaxLineLength`). */
  maxLineLength: number;
}

/**
 * Splits text arriving in pieces into chunks of lines. It holds at most the chunk being filled
 * and the line being read; a line past the limit is not kept at all, its characters only counted
 * off until its end, so one endless line cannot grow the heap.
 */
export class LineSplitter {
  private lines: string[] = [];
  private overlong: number[] = [];
  private firstLine = 1;
  private pending: string[] = [];
  private pendingLength = 0;
  private discarding = false;
  private chunkChars = 0;

  constructor(private readonly options: LineReaderOptions) {}

  /** Takes the next piece of text; returns the chunks it completed. */
  push(text: string): LineChunk[] {
    const done: LineChunk[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.take(text, start, nl);
      this.endLine();
      start = nl + 1;
      if (this.lines.length >= this.options.linesPerChunk || this.chunkChars >= this.options.charsPerChunk) done.push(this.cut());
    }
    this.take(text, start, text.length);
    return done;
  }

  /** Ends the text: a last line without '\n' still counts. */
  end(): LineChunk[] {
    if (this.pendingLength > 0 || this.discarding) this.endLine();
    return this.lines.length > 0 ? [this.cut()] : [];
  }

  private take(text: string, from: number, to: number): void {
    if (this.discarding || to === from) return;
    this.pendingLength += to - from;
    // One more than the limit may be the '\r' of a '\r\n', which is not part of the line.
    if (this.pendingLength > this.options.maxLineLength + 1) {
      this.discarding = true;
      this.pending = [];
      return;
    }
    this.pending.push(from === 0 && to === text.length ? text : text.slice(from, to));
  }

  private endLine(): void {
    let line = this.discarding ? '' : this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    if (line.charCodeAt(line.length - 1) === 13 /* \r */) line = line.slice(0, -1);
    if (this.discarding || line.length > this.options.maxLineLength) {
      this.overlong.push(this.firstLine + this.lines.length);
      line = '';
    }
    this.lines.push(line);
    this.chunkChars += line.length;
    this.pending = [];
    this.pendingLength = 0;
    this.discarding = false;
  }

  private cut(): LineChunk {
    const chunk = { text: this.lines.join('\n'), firstLine: this.firstLine, lineCount: this.lines.length, overlong: this.overlong };
    this.firstLine += this.lines.length;
    this.lines = [];
    this.overlong = [];
    this.chunkChars = 0;
    return chunk;
  }
}

/**
 * Chunks of lines from UTF-8 bytes as they arrive (a request, a file stream). A character split
 * between two pieces is joined again; a byte-order mark at the start is dropped, as a body parser
 * would drop it.
 */
export async function* readLineChunks(bytes: AsyncIterable<Uint8Array>, options: LineReaderOptions): AsyncGenerator<LineChunk> {
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter(options);
  let first = true;
  for await (const piece of bytes) {
    let text = decoder.write(Buffer.isBuffer(piece) ? piece : Buffer.from(piece));
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* splitter.push(text);
  }
  yield* splitter.push(decoder.end());
  yield* splitter.end();
}
