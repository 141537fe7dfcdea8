/**
 * The part of a file a request asks for (RFC 9110 §14): all of it, one range of bytes (inclusive ends), or
 * none the file has (416). One range only: a request for several is answered whole, which the RFC allows
 * and every player copes with; so is a Range this server does not understand.
 */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/** The file's validators, for `If-Range`: a range is served only for the very version the client holds. */
export interface FileValidators {
  etag: string;
  lastModified: string;
}

const SPEC = /^(\d*)-(\d*)$/;

export function byteRange(range: string | undefined, size: number, ifRange?: string, validators?: FileValidators): ByteRange {
  if (range === undefined || range.trim() === '') return { kind: 'whole' };
  // A client that resumes a cached copy names it; another version means the whole new file (RFC 9110 §13.1.5).
  if (ifRange !== undefined && ifRange !== validators?.etag && ifRange !== validators?.lastModified) return { kind: 'whole' };
  const m = /^bytes=(.*)$/i.exec(range.trim());
  if (!m || m[1].includes(',')) return { kind: 'whole' };
  const spec = SPEC.exec(m[1].trim());
  if (!spec || (spec[1] === '' && spec[2] === '')) return { kind: 'whole' };
  if (spec[1] === '') {
    // `-n`: the last n bytes.
    const n = Number(spec[2]);
    return n === 0 || size === 0 ? { kind: 'unsatisfiable' } : { kind: 'part', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(spec[1]);
  const last = spec[2] === '' ? Infinity : Number(spec[2]);
  if (last < start) return { kind: 'whole' }; // not a valid range: ignored, as the RFC says
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: Math.min(last, size - 1) };
}
