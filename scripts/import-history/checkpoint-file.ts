import { createHash } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import type { Checkpoint, FileIdentity, ImportMode } from './checkpoint';

/** Bytes hashed to recognise a file: enough to tell two logs apart, the same while the file grows. */
export const IDENTITY_HEAD_BYTES = 64 * 1024;

/** Identity from the first `headBytes` bytes (fewer if the file is smaller; Infinity hashes it whole). */
export async function fileIdentity(path: string, mode: ImportMode, headBytes = IDENTITY_HEAD_BYTES): Promise<FileIdentity> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const want = Math.min(size, headBytes);
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(Math.min(want, 1 << 20));
    for (let done = 0; done < want; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, want - done), done);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
    }
    return { path, mode, headBytes: want, headSha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** The byte just before `offset` is '\n', so reading from `offset` starts a line. */
export async function lineStartsAt(path: string, offset: number): Promise<boolean> {
  if (offset === 0) return true;
  const handle = await open(path, 'r');
  try {
    const byte = Buffer.alloc(1);
    const { bytesRead } = await handle.read(byte, 0, 1, offset - 1);
    return bytesRead === 1 && byte[0] === 10;
  } finally {
    await handle.close();
  }
}

/** The saved checkpoint, undefined when there is none, or an error naming the file when it cannot be read. */
export async function readCheckpoint(path: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = JSON.parse(text) as Checkpoint;
  if (parsed?.version !== 1 || typeof parsed.offset !== 'number' || typeof parsed.identity?.headSha256 !== 'string') {
    throw new Error(`${path} is not an import checkpoint (version 1)`);
  }
  return parsed;
}

/**
 * Written to a temporary file, flushed, then renamed over the old one: a crash (even SIGKILL or a
 * power cut) leaves either the previous checkpoint or the new one, never half of one.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
