import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from '@app/messaging/testing/nats-server';

export const root = join(__dirname, '../..');

export function build(app: string): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    spawn(process.execPath, [join(root, 'scripts/build.js'), app], { stdio: 'ignore' }).once('exit', (c) =>
      c === 0 ? resolve() : reject(new Error(`build of ${app} failed`)),
    ),
  );
}

export interface NodeChild {
  proc: ChildProcess;
  /** What it wrote to stderr (the last 1 MB). */
  stderr(): string;
}

/** A node child process with its own RSS; its stderr is kept, and shown if it dies. */
export function startNode(args: string[], env: Record<string, string>): NodeChild {
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-1_000_000)));
  proc.once('exit', (code, signal) => {
    // A signal too: V8 aborts (SIGABRT) when the heap cap is reached. Not SIGTERM or SIGKILL, which stop() and the
    // fault tests send on purpose (the kernel's OOM killer's SIGKILL goes unreported: `dmesg` has it).
    if ((code !== null && code !== 0) || (signal !== null && signal !== 'SIGTERM' && signal !== 'SIGKILL')) process.stderr.write(`${args.at(-1)} exited with ${code ?? signal}:\n${err.slice(-3_000)}\n`);
  });
  return { proc, stderr: () => err };
}

/** Waits for the port, then (when given) for a path to answer 200. */
export async function waitReady(port: number, path?: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await waitForPort(port, timeoutMs);
  while (path) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => undefined);
    if (res?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${path} on :${port} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stop({ proc: child }: NodeChild): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** CPU time (user + system, all threads) a process has used so far, in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}
