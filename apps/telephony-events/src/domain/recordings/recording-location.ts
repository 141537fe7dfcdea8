import { posix } from 'node:path';

/**
 * Where a call's recording is, as far as this service can serve it: a file of the recordings directory
 * (`path` absolute, or relative to that directory), a store it cannot read (S3, HTTP, another host's
 * file), or a name it refuses outright.
 */
export type RecordingLocation =
  | { kind: 'local'; path: string }
  | { kind: 'remote'; scheme: string }
  | { kind: 'refused'; reason: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// Control characters have no business in a file name, and NUL would cut it short at the system call.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The location `uri` names. `file:` URIs (`file:///abs/x.wav`, `file://localhost/abs/x.wav`, `file:x.wav`)
 * are %-decoded; an absolute path or a bare relative name is taken as written. A `..` segment is refused
 * here, before any directory is consulted: a recording never needs to climb, so one that tries is not
 * resolved at all (and cannot probe what lies outside). Whether the file lies inside the directory is the
 * reader's check (`isInside`), after symlinks are resolved.
 */
export function recordingLocation(uri: string): RecordingLocation {
  if (uri === '' || CONTROL.test(uri)) return { kind: 'refused', reason: 'empty, or holds control characters' };
  const scheme = SCHEME.exec(uri)?.[1].toLowerCase();
  let path = uri;
  if (scheme === 'file') {
    let rest = uri.slice('file:'.length);
    if (rest.startsWith('//')) {
      const slash = rest.indexOf('/', 2);
      const host = rest.slice(2, slash === -1 ? undefined : slash);
      if (host !== '' && host.toLowerCase() !== 'localhost') return { kind: 'remote', scheme: 'file' }; // another machine's file
      rest = slash === -1 ? '' : rest.slice(slash);
    }
    try {
      path = decodeURIComponent(rest);
    } catch {
      return { kind: 'refused', reason: 'a %-escape that is not UTF-8' };
    }
    if (CONTROL.test(path)) return { kind: 'refused', reason: 'holds control characters' };
  } else if (scheme !== undefined) {
    return { kind: 'remote', scheme };
  }
  if (path === '' || path.endsWith('/')) return { kind: 'refused', reason: 'names no file' };
  if (path.split('/').includes('..')) return { kind: 'refused', reason: 'climbs out with ..' };
  return { kind: 'local', path };
}

/** Whether `candidate` (absolute, normalised) lies strictly inside the directory `root` (absolute). */
export function isInside(root: string, candidate: string): boolean {
  const rel = posix.relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith('../') && !posix.isAbsolute(rel);
}
