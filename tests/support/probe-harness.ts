import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { mintToken } from '@app/auth';
import { freePort } from '@app/messaging/testing/nats-server';
import { createServiceApp, startServiceApp } from '@app/platform';
import { probeService, type ProbeOptions } from '../fixtures/probe/probe.service';
import { envFor, TEST_JWT_SECRET, type TestEnv } from './test-env';
import { scaled } from './time-scale';

export const supervisorToken = (sub = 'sup-1') => mintToken(TEST_JWT_SECRET, { sub, roles: ['supervisor'] });

export interface RunningProbe {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

export async function startProbe(env: TestEnv, options: ProbeOptions = {}): Promise<RunningProbe> {
  const service = await createServiceApp(probeService(options), env.config('probe'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = await service.app.getUrl();
  return { app: service.app, url: url.replace('[::1]', '127.0.0.1'), close: () => service.app.close() };
}

export interface ProbeProcess {
  proc: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** The probe in its own process (killable), started through swc so no build is needed. */
export async function spawnProbe(env: TestEnv, extra: Record<string, string> = {}): Promise<ProbeProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../fixtures/probe/probe.main.ts')], {
    env: envFor(env, { PORT: String(port), ...extra }),
    cwd: join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`probe did not start:\n${out}`)), scaled(30_000));
    const check = () => {
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', check);
    void exited.then(({ code, signal }) => reject(new Error(`probe exited (${code ?? signal}):\n${out}`)));
  });
  return { proc, url: `http://127.0.0.1:${port}`, exited, output: () => out };
}
