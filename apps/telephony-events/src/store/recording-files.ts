import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { isInside } from '../domain/recordings/recording-location';
import { TelephonySettings } from '../telephony-settings';

/** An open recording file; `read` hands its bytes out once (the handle closes when that stream ends or is destroyed). */
export interface RecordingFile {
  name: string;
  size: number;
  modifiedAt: Date;
  read(range?: { start: number; end: number }): Readable;
  close(): Promise<void>;
}

export type OpenedRecording = { kind: 'opened'; file: RecordingFile } | { kind: 'missing' } | { kind: 'outside' };

/** The recordings this instance can read (today: the local directory `RECORDINGS_DIR`). */
export abstract class RecordingFiles {
  /** The file `path` names (absolute, or relative to the directory) when it is a file inside the directory. */
  abstract open(path: string): Promise<OpenedRecording>;
}

const GONE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

@Injectable()
export class LocalRecordingFiles extends RecordingFiles {
  constructor(private readonly settings: TelephonySettings) {
    super();
  }

  async open(path: string): Promise<OpenedRecording> {
    const root = this.settings.recordingsDir;
    const named = resolve(root, path);
    if (!isInside(root, named)) return { kind: 'outside' };
    let handle: FileHandle;
    try {
      // Inside by name is not inside in fact: a symlink in the directory may point anywhere, so the real
      // paths are compared, and the real one is opened without following a link swapped in meanwhile.
      const [realRoot, real] = await Promise.all([realpath(root), realpath(named)]);
      if (!isInside(realRoot, real)) return { kind: 'outside' };
      handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (GONE.has(code)) return { kind: 'missing' };
      if (code === 'ELOOP') return { kind: 'outside' };
      throw err;
    }
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return { kind: 'missing' };
    }
    return {
      kind: 'opened',
      file: {
        name: basename(named), size: stat.size, modifiedAt: stat.mtime,
        read: (range) => handle.createReadStream({ start: range?.start ?? 0, end: range?.end, autoClose: true }),
        close: () => handle.close(),
      },
    };
  }
}
