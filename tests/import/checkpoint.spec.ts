import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newCheckpoint, planImport, type Checkpoint, type FileIdentity, type FileNow } from '../../scripts/import-history/checkpoint';
import { fileIdentity, lineStartsAt, readCheckpoint, writeCheckpoint } from '../../scripts/import-history/checkpoint-file';

const identity: FileIdentity = { path: '/data/queue_log', mode: 'queue-log', headBytes: 65_536, headSha256: 'a'.repeat(64) };
const saved = (over: Partial<Checkpoint> = {}): Checkpoint => ({ ...newCheckpoint(identity, null, new Date('2026-12-01T00:00:00Z')), offset: 1_000, line: 41, ...over });
const now = (over: Partial<FileNow> = {}): FileNow => ({ identity, from: null, size: 5_000, lineBoundaryAtOffset: true, ...over });

describe('planImport', () => {
  it('starts fresh without a checkpoint', () => {
    expect(planImport(undefined, now(), false)).toEqual({ kind: 'fresh', restarted: false });
  });

  it('resumes the same file where it stopped', () => {
    expect(planImport(saved(), now(), false)).toMatchObject({ kind: 'resume', grown: false, checkpoint: { offset: 1_000, line: 41 } });
  });

  it('refuses a checkpoint made for another file (head hash, path or kind differ) unless --restart', () => {
    for (const other of [{ headSha256: 'b'.repeat(64) }, { path: '/data/other' }, { mode: 'ctr-ndjson' as const }]) {
      const plan = planImport(saved(), now({ identity: { ...identity, ...other } }), false);
      expect(plan).toMatchObject({ kind: 'refuse' });
      expect((plan as { reason: string }).reason).toMatch(/another file.*--restart/);
    }
    expect(planImport(saved(), now({ identity: { ...identity, headSha256: 'b'.repeat(64) } }), true)).toEqual({ kind: 'fresh', restarted: true });
  });

  it('refuses another --from, a truncated file, and an offset that is no longer a line start', () => {
    expect(planImport(saved(), now({ from: '2026-01' }), false)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/--from/) });
    expect(planImport(saved(), now({ size: 999 }), false)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/shorter/) });
    expect(planImport(saved(), now({ lineBoundaryAtOffset: false }), false)).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/line starts/) });
  });

  it('is done when complete and the file has not grown; goes on with what was appended when it has', () => {
    expect(planImport(saved({ complete: true }), now({ size: 1_000 }), false)).toMatchObject({ kind: 'done' });
    expect(planImport(saved({ complete: true }), now({ size: 1_500 }), false)).toMatchObject({ kind: 'resume', grown: true, checkpoint: { complete: false } });
  });
});

describe('checkpoint file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'checkpoint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is written atomically (no temporary file left) and read back as written', async () => {
    const path = join(dir, 'state.json');
    expect(await readCheckpoint(path)).toBeUndefined();
    await writeCheckpoint(path, saved());
    await writeCheckpoint(path, saved({ line: 99 }));
    expect(await readCheckpoint(path)).toEqual(saved({ line: 99 }));
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('refuses to read something that is not a checkpoint', async () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, '{"hello":1}');
    await expect(readCheckpoint(path)).rejects.toThrow(/not an import checkpoint/);
  });

  it('knows a file by its first 64 KB: the same while it grows, another when they differ', async () => {
    const path = join(dir, 'queue_log');
    writeFileSync(path, 'x|1\n'.repeat(20_000));
    const before = await fileIdentity(path, 'queue-log');
    appendFileSync(path, 'y|2\n'.repeat(1_000));
    expect(await fileIdentity(path, 'queue-log')).toEqual(before);
    writeFileSync(path, `z${'x|1\n'.repeat(20_000)}`);
    expect((await fileIdentity(path, 'queue-log')).headSha256).not.toBe(before.headSha256);
    // A file smaller than 64 KB at the first run is recognised by the bytes it had then.
    const small = join(dir, 'small');
    writeFileSync(small, 'a|1\n');
    const first = await fileIdentity(small, 'queue-log');
    appendFileSync(small, 'b|2\n');
    expect(await fileIdentity(small, 'queue-log', first.headBytes)).toEqual(first);
    expect(await lineStartsAt(small, 4)).toBe(true);
    expect(await lineStartsAt(small, 3)).toBe(false);
  });
});
