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
 * Builds the five services (or those named) unless every bundle is newer than every source file (a
 * make-style rule, so two system test files in one run build once). A lock directory keeps parallel
 * jest workers from building at the same time.
 */
export async function buildServicesOnce(keys: readonly ServiceKey[] = SERVICE_KEYS): Promise<void> {
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
    for (const dir of keys.map((k) => SERVICE_DIRS[k])) if (builtAt(dir) < sources) await build(dir);
  } finally {
    rmdirSync(lock);
  }
}

/** How many of each service, and which NATS they use (SystemProcesses.start). */
export interface SystemScale {
  /** Instances of every service (default 1), each on its own port, sharing the database and the durable consumers. */
  instances?: number;
  /** NATS_URL for the services instead of the test environment's server, e.g. a cluster's comma-separated URLs. */
  natsUrl?: string;
}

/** The five services as separate processes on free ports against one test environment. */
export class SystemProcesses {
  /** Keyed `<service>#<instance>`. */
  private readonly children = new Map<string, NodeChild>();
  /** Where the next API call to each service goes (round robin over the running instances). */
  private readonly turn = new Map<ServiceKey, number>();
  readonly api: DemoApi;
  /** The same APIs, retrying while a service is away. */
  readonly patient: PatientApi;
  /** The first instance's port of each service. */
  readonly ports: Record<ServiceKey, number>;

  private constructor(
    private readonly env: TestEnv,
    /** Every instance's port, by service. */
    readonly instancePorts: Record<ServiceKey, number[]>,
    private readonly extraEnv: Record<string, string>,
    private readonly natsUrl: string,
  ) {
    this.ports = Object.fromEntries(SERVICE_KEYS.map((k) => [k, instancePorts[k][0]])) as Record<ServiceKey, number>;
    const said = (k: ServiceKey) => this.stderrOf(k);
    this.api = new TellingApi(TEST_JWT_SECRET, (s) => this.baseUrl(s), said);
    this.patient = new PatientApi(TEST_JWT_SECRET, (s) => this.baseUrl(s), said);
  }

  static async start(env: TestEnv, extraEnv: Record<string, string> = {}, scale: SystemScale = {}): Promise<SystemProcesses> {
    const instances = scale.instances ?? 1;
    const ports = {} as Record<ServiceKey, number[]>;
    for (const k of SERVICE_KEYS) {
      ports[k] = [];
      for (let i = 0; i < instances; i++) ports[k].push(await freePort());
    }
    const sys = new SystemProcesses(env, ports, extraEnv, scale.natsUrl ?? env.nats.url);
    // One at a time: the first start of each applies its migrations and creates its streams; the
    // further instances start once those exist (migrations take no lock of their own).
    for (let i = 0; i < instances; i++) for (const k of SERVICE_KEYS) await sys.startInstance(k, i);
    return sys;
  }

  /** Starts the first instance of `k` (again). */
  startOne(k: ServiceKey): Promise<void> {
    return this.startInstance(k, 0);
  }

  /** Starts instance `i` of `k` on its own port and waits until it is ready. */
  async startInstance(k: ServiceKey, i: number): Promise<void> {
    const port = this.instancePorts[k][i];
    const child = startNode([join(root, 'dist/apps', SERVICE_DIRS[k], 'main.js')], {
      DATABASE_URL: this.env.db.url,
      NATS_URL: this.natsUrl,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'error',
      // A replayed month is past its close day: the test closes it, never the worker half-loaded.
      SCORING_AUTO_CLOSE: 'false',
      ...this.extraEnv,
    });
    this.children.set(`${k}#${i}`, child);
    await waitReady(port, '/health/ready', scaled(90_000));
  }

  isRunning(k: ServiceKey, i: number): boolean {
    const child = this.children.get(`${k}#${i}`);
    return !!child && child.proc.exitCode === null && child.proc.signalCode === null;
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is lost unless it was committed. */
  kill(k: ServiceKey): Promise<void> {
    return this.killInstance(k, 0);
  }

  /** SIGKILL of instance `i` of `k` (see `kill`). */
  async killInstance(k: ServiceKey, i: number): Promise<void> {
    const child = this.children.get(`${k}#${i}`);
    if (!child || !this.isRunning(k, i)) return;
    const exited = new Promise((r) => child.proc.once('exit', r));
    child.proc.kill('SIGKILL');
    await exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children.values()].map((c) => stop(c)));
    this.children.clear();
  }

  /** What every instance of `k` wrote to stderr lately (LOG_LEVEL error: its errors), newest last. */
  stderrOf(k: ServiceKey): string {
    return this.instancePorts[k]
      .map((port, i) => `--- ${k}#${i} (:${port}) stderr ---\n${this.children.get(`${k}#${i}`)?.stderr().slice(-2_000) ?? '(not started)'}`)
      .join('\n');
  }

  /** Calls take turns over the instances that run (a load balancer's view); all of them when none does. */
  private baseUrl(k: ServiceKey): string {
    const ports = this.instancePorts[k];
    const running = ports.filter((_, i) => this.isRunning(k, i));
    const pool = running.length > 0 ? running : ports;
    const n = this.turn.get(k) ?? 0;
    this.turn.set(k, n + 1);
    return `http://127.0.0.1:${pool[n % pool.length]}`;
  }
}

/**
 * The public APIs, and on a 5xx the answering service's stderr in the error: a 500 says only that
 * something broke, the service's log says what (CI keeps nothing else of a passing process).
 */
export class TellingApi extends DemoApi {
  constructor(secret: string, baseUrl: (s: ServiceKey) => string, private readonly said: (s: ServiceKey) => string = () => '') {
    super(secret, baseUrl);
  }

  override async request<T = unknown>(service: ServiceKey, method: string, path: string, as: Persona, body?: unknown, contentType?: string): Promise<T> {
    try {
      return await super.request<T>(service, method, path, as, body, contentType);
    } catch (err) {
      if (err instanceof ApiError && err.status >= 500) err.message += `\n${this.said(service)}`;
      throw err;
    }
  }
}

/**
 * The public APIs as a client that retries while a service is down or answers 5xx (a killed
 * process, NATS or PostgreSQL away); a 4xx is an answer and is thrown. Only for idempotent calls.
 */
export class PatientApi extends TellingApi {
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
