import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/messaging/testing/nats-server';
import { build, root, startNode, stop, waitReady, type NodeChild } from '../../scripts/bench/processes';
import type { ScoreEvent } from '@app/contracts';
import { ApiError, DemoApi, type Persona, type ServiceKey } from '../../scripts/demo/api';
import { JsTestClient } from './js-client';
import { TEST_JWT_SECRET, type TestEnv } from './test-env';
import { scaled } from './time-scale';

/** The five services as `node dist/apps/<dir>/main.js` (contracts.md § Running a service). */
export const SERVICE_DIRS: Record<ServiceKey, string> = {
  telephony: 'telephony-events',
  qa: 'qa-evaluation',
  attendance: 'attendance',
  scoring: 'scoring',
  notification: 'notification',
};
export const SERVICE_KEYS = Object.keys(SERVICE_DIRS) as ServiceKey[];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(dir: string): number {
  try {
    return statSync(join(root, 'dist/apps', dir, 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds the five services unless every bundle is newer than every source file (a make-style rule,
 * so two system test files in one run build once). A lock directory keeps parallel jest workers
 * from building at the same time.
 */
export async function buildServicesOnce(): Promise<void> {
  const lock = join(root, 'dist/.system-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + scaled(300_000);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than five minutes is a crashed run's.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error('waited five minutes for another build');
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    const sources = Math.max(newestMtime(join(root, 'apps')), newestMtime(join(root, 'libs')));
    for (const dir of Object.values(SERVICE_DIRS)) if (builtAt(dir) < sources) await build(dir);
  } finally {
    rmdirSync(lock);
  }
}

/** The five services as separate processes on free ports against one test environment. */
export class SystemProcesses {
  private readonly children = new Map<ServiceKey, NodeChild>();
  readonly api: DemoApi;
  /** The same APIs, retrying while a service is away. */
  readonly patient: PatientApi;

  private constructor(
    private readonly env: TestEnv,
    readonly ports: Record<ServiceKey, number>,
    private readonly extraEnv: Record<string, string>,
  ) {
    this.api = new DemoApi(TEST_JWT_SECRET, (s) => `http://127.0.0.1:${this.ports[s]}`);
    this.patient = new PatientApi(TEST_JWT_SECRET, (s) => `http://127.0.0.1:${this.ports[s]}`);
  }

  static async start(env: TestEnv, extraEnv: Record<string, string> = {}): Promise<SystemProcesses> {
    const ports = {} as Record<ServiceKey, number>;
    for (const k of SERVICE_KEYS) ports[k] = await freePort();
    const sys = new SystemProcesses(env, ports, extraEnv);
    // One at a time: the first start of each applies its migrations and creates its streams.
    for (const k of SERVICE_KEYS) await sys.startOne(k);
    return sys;
  }

  async startOne(k: ServiceKey): Promise<void> {
    const child = startNode([join(root, 'dist/apps', SERVICE_DIRS[k], 'main.js')], {
      DATABASE_URL: this.env.db.url,
      NATS_URL: this.env.nats.url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(this.ports[k]),
      LOG_LEVEL: 'error',
      // A replayed month is past its close day: the test closes it, never the worker half-loaded.
      SCORING_AUTO_CLOSE: 'false',
      ...this.extraEnv,
    });
    this.children.set(k, child);
    await waitReady(this.ports[k], '/health/ready', scaled(90_000));
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is lost unless it was committed. */
  async kill(k: ServiceKey): Promise<void> {
    const child = this.children.get(k);
    if (!child || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
    const exited = new Promise((r) => child.proc.once('exit', r));
    child.proc.kill('SIGKILL');
    await exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children.values()].map((c) => stop(c)));
    this.children.clear();
  }
}

/**
 * The public APIs as a client that retries while a service is down or answers 5xx (a killed
 * process, NATS or PostgreSQL away); a 4xx is an answer and is thrown. Only for idempotent calls.
 */
export class PatientApi extends DemoApi {
  override async request<T = unknown>(service: ServiceKey, method: string, path: string, as: Persona, body?: unknown, contentType?: string): Promise<T> {
    const deadline = Date.now() + scaled(120_000);
    for (;;) {
      try {
        return await super.request<T>(service, method, path, as, body, contentType);
      } catch (err) {
        if (err instanceof ApiError && err.status < 500) throw err;
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

/** Every score event on the SCORING stream, read by sequence (the stream's own record: duplicates would show). */
export async function scoreEventsOnStream(natsUrl: string): Promise<ScoreEvent[]> {
  const client = await JsTestClient.connect(natsUrl);
  try {
    const info = await client.jsm.streams.info('SCORING');
    const events: ScoreEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await client.jsm.streams.getMessage('SCORING', { seq }).catch(() => null);
      if (m?.subject.startsWith('scoring.score.')) events.push(m.json<ScoreEvent>());
    }
    return events;
  } finally {
    await client.close();
  }
}
