/**
 * Splits text into chunks of whole lines, so a large upload is parsed and stored a piece at a
 * time instead of holding every event of the file in memory at once.
 */
export function* lineChunks(text: string, linesPerChunk: number): Generator<{ text: string; firstLine: number }> {
  let start = 0;
  let firstLine = 1;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < linesPerChunk) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      end = nl + 1;
      lines++;
    }
    yield { text: text.slice(start, end), firstLine };
    firstLine += lines;
    start = end;
  }
}
