import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { freePort, natsServerBinary, waitForPort } from '@app/messaging/testing/nats-server';
import { scaled } from './time-scale';
import { waitFor } from './wait-for';

interface ClusterNode {
  name: string;
  /** Client port (`nats://127.0.0.1:<port>`). */
  port: number;
  /** Route port: the other nodes connect here. */
  routePort: number;
  /** HTTP monitoring: `/healthz`, `/jsz`. */
  monitorPort: number;
  storeDir: string;
  proc?: ChildProcess;
}

/**
 * A private JetStream cluster of `nats-server` processes on free loopback ports, routed to each
 * other, each with its own store (deploy/nats/nats-cluster-N.conf, as command-line flags). A node
 * can be SIGKILLed and started again on the same store, which is what a crashed host looks like.
 */
export class NatsCluster {
  private constructor(
    private readonly nodes: ClusterNode[],
    private readonly root: string,
  ) {}

  static async start(size = 3): Promise<NatsCluster> {
    const root = mkdtempSync(join(tmpdir(), 'nats-cluster-'));
    const nodes: ClusterNode[] = [];
    for (let i = 0; i < size; i++) {
      nodes.push({ name: `n${i + 1}`, port: await freePort(), routePort: await freePort(), monitorPort: await freePort(), storeDir: join(root, `n${i + 1}`) });
    }
    const cluster = new NatsCluster(nodes, root);
    try {
      await Promise.all(nodes.map((_, i) => cluster.startNode(i)));
      await cluster.waitHealthy();
    } catch (err) {
      await cluster.dispose();
      throw err;
    }
    return cluster;
  }

  get size(): number {
    return this.nodes.length;
  }

  /** Every node's client URL. */
  get urls(): string[] {
    return this.nodes.map((n) => `nats://127.0.0.1:${n.port}`);
  }

  /** `NATS_URL` for a service: every node, comma-separated, so it starts and reconnects while any one is down. */
  get url(): string {
    return this.urls.join(',');
  }

  nameOf(i: number): string {
    return this.nodes[i].name;
  }

  isUp(i: number): boolean {
    const p = this.nodes[i].proc;
    return !!p && p.exitCode === null && p.signalCode === null;
  }

  /** The URL of a node that runs now: for a test's own client, which need not follow the cluster's changes. */
  liveUrl(): string {
    const i = this.nodes.findIndex((_, k) => this.isUp(k));
    if (i < 0) throw new Error('no node of the NATS cluster is running');
    return this.urls[i];
  }

  async startNode(i: number): Promise<void> {
    const n = this.nodes[i];
    if (this.isUp(i)) return;
    const routes = this.nodes.filter((o) => o !== n).map((o) => `nats://127.0.0.1:${o.routePort}`).join(',');
    n.proc = spawn(
      natsServerBinary(),
      [
        '-a', '127.0.0.1', '-p', String(n.port), '-m', String(n.monitorPort),
        '-js', '-sd', n.storeDir, '--server_name', n.name,
        '--cluster_name', 'test-cluster', '--cluster', `nats://127.0.0.1:${n.routePort}`, '--routes', routes,
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(n.port, scaled(15_000));
  }

  /** SIGKILL: no lame-duck, no flush; the store stays for a restart. */
  async kill(i: number): Promise<void> {
    const p = this.nodes[i].proc;
    if (!p || !this.isUp(i)) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  /**
   * Every running node says it is healthy (`/healthz`: caught up with the meta group and with the
   * streams and consumers placed on it) and the JetStream API answers through them: only then may
   * another node go without the cluster losing its majority for anything.
   */
  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    const up = this.nodes.filter((_, i) => this.isUp(i));
    await waitFor(async () => {
      for (const n of up) {
        const res = await fetch(`http://127.0.0.1:${n.monitorPort}/healthz`).catch(() => undefined);
        if (res?.status !== 200) return null;
      }
      return true;
    }, `/healthz on ${up.map((n) => n.name).join(', ')}`, timeoutMs, 250);
    const nc = await connect({ servers: up.map((n) => `nats://127.0.0.1:${n.port}`), maxReconnectAttempts: -1 });
    try {
      const jsm = await jetstreamManager(nc);
      await waitFor(() => jsm.getAccountInfo().then(() => true, () => null), 'a JetStream meta leader', timeoutMs, 250);
    } finally {
      await nc.close();
    }
  }

  /** Which node leads `stream` now (index into the nodes), or -1 while it has no leader. */
  async leaderOf(stream: string): Promise<number> {
    const nc = await connect({ servers: this.urls.filter((_, i) => this.isUp(i)) });
    try {
      const info = await (await jetstreamManager(nc)).streams.info(stream);
      return this.nodes.findIndex((n) => n.name === info.cluster?.leader);
    } finally {
      await nc.close();
    }
  }

  /** Each stream's replicas and how current they are, as the stream's leader reports them. */
  async replication(streams: string[]): Promise<Array<{ stream: string; replicas: number; leader: string | undefined; current: string[]; behind: string[] }>> {
    const nc = await connect({ servers: this.urls.filter((_, i) => this.isUp(i)) });
    try {
      const jsm = await jetstreamManager(nc);
      const out = [];
      for (const stream of streams) {
        const info = await jsm.streams.info(stream);
        const peers = info.cluster?.replicas ?? [];
        out.push({
          stream,
          replicas: info.config.num_replicas,
          leader: info.cluster?.leader,
          current: peers.filter((p) => p.current && !p.offline).map((p) => p.name),
          behind: peers.filter((p) => !p.current || p.offline).map((p) => p.name),
        });
      }
      return out;
    } finally {
      await nc.close();
    }
  }

  /** Each durable consumer on `streams` and how many nodes hold it (a consumer left at replicas 0 follows its stream). */
  async consumerPeers(streams: string[]): Promise<Array<{ consumer: string; nodes: number }>> {
    const nc = await connect({ servers: this.urls.filter((_, i) => this.isUp(i)) });
    try {
      const jsm = await jetstreamManager(nc);
      const out: Array<{ consumer: string; nodes: number }> = [];
      for (const stream of streams) {
        for await (const c of jsm.consumers.list(stream)) {
          out.push({ consumer: `${stream}/${c.name}`, nodes: (c.cluster?.leader ? 1 : 0) + (c.cluster?.replicas?.length ?? 0) });
        }
      }
      return out;
    } finally {
      await nc.close();
    }
  }

  /** Every stream led and every follower current: one node may now go without losing a write. */
  async waitReplicated(streams: string[], timeoutMs = 60_000): Promise<void> {
    let last: unknown;
    await waitFor(async () => {
      last = await this.replication(streams).catch((err: Error) => err.message);
      return Array.isArray(last) && last.every((s) => s.leader && s.behind.length === 0 && s.current.length === s.replicas - 1) ? true : null;
    }, 'every stream replicated on every node', timeoutMs, 250).catch((err: Error) => {
      throw new Error(`${err.message}; last seen ${JSON.stringify(last)}`);
    });
  }

  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map((_, i) => this.kill(i)));
    rmSync(this.root, { recursive: true, force: true });
  }
}
