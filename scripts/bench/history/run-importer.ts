import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { rssMb } from '../bench-util';
import { cpuSeconds, root } from '../processes';

export interface ImporterRun {
  ms: number;
  code: number | null;
  peakRssMb: number;
  /** Its CPU (user + system) at the last reading before it exited. */
  cpuSeconds: number;
  /** The importer's summary on stderr (its last lines when it failed). */
  tail: string;
}

/** How often the importer's peak RSS and CPU are read while it runs (/proc goes with the process). */
const RSS_EVERY_MS = 250;

/**
 * `npm run import:history` as an operator runs it: its own process, the checkpoint in `statePath`.
 * `onStart` gets a stopper, so a failing bench can end it.
 */
export function runImporter(file: string, statePath: string, telephonyUrl: string, token: string, onStart: (stop: () => void) => void): Promise<ImporterRun> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'scripts/import-history/import-history.ts'), '--queue-log', file, '--state', statePath, '--telephony-url', telephonyUrl, '--token', token],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  onStart(() => child.exitCode === null && child.kill('SIGTERM'));
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-20_000)));
  let peak = 0;
  let cpu = 0;
  const sample = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(child.pid!).peak);
      cpu = cpuSeconds(child.pid!);
    } catch {
      // exited between two readings
    }
  }, RSS_EVERY_MS);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearInterval(sample);
      // Progress redraws with carriage returns: the last state of each line.
      const lines = err.split('\n').map((l) => l.split('\r').at(-1)!.trim()).filter(Boolean);
      const summary = lines.findLastIndex((l) => l.startsWith('imported'));
      const tail = (summary >= 0 ? lines.slice(summary) : lines.slice(-12)).join('\n');
      resolve({ ms: performance.now() - t0, code, peakRssMb: peak, cpuSeconds: cpu, tail });
    }),
  );
}
