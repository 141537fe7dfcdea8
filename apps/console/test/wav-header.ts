/**
 * A PCM WAV's length in seconds from its own header: the `data` chunk's size over the `fmt ` chunk's byte rate.
 * Walks the chunks rather than assuming the canonical 44-byte header (espeak-ng and sox may add a LIST chunk).
 */
export function wavDuration(file: Buffer): number {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let byteRate: number | null = null;
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    if (id === 'fmt ') byteRate = file.readUInt32LE(at + 8 + 8);
    if (id === 'data') {
      if (byteRate === null) throw new Error('a data chunk before any fmt chunk');
      // A writer that could not seek back leaves the size unknown (0 or all ones): the rest of the file is the audio.
      const bytes = size === 0 || size === 0xffffffff || at + 8 + size > file.length ? file.length - at - 8 : size;
      return bytes / byteRate;
    }
    at += 8 + size + (size % 2); // chunks are padded to an even length
  }
  throw new Error('no data chunk');
}
