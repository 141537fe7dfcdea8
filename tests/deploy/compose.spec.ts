import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';

interface ComposeService {
  image?: string;
  command?: string[];
  hostname?: string;
  networks?: Record<string, { aliases?: string[] }>;
  volumes?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, { condition: string }>;
  deploy?: { replicas?: number | string };
}

const root = join(__dirname, '..', '..');
// Compose merges `<<: *anchor` keys (YAML 1.1 merge), which js-yaml's core schema leaves out unless asked.
const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const SERVICES = ['telephony-events', 'qa-evaluation', 'attendance', 'scoring', 'notification'];
const NODES = [['nats', 'nats-1'], ['nats-2', 'nats-2'], ['nats-3', 'nats-3']] as const;

/** docker-compose.yml (no compose binary here): the scaled-out setup of issue 17, read as YAML with its anchors merged. */
describe('docker-compose.yml', () => {
  it('runs a 3-node NATS JetStream cluster, each node on its own config and volume', () => {
    const confs = NODES.map(([service, node]) => {
      const s = compose.services[service];
      // The name the other nodes' routes and the services' NATS_URL use.
      expect([service, service === node || s.networks?.default.aliases?.includes(node)]).toEqual([service, true]);
      expect(s.command).toEqual(['nats-server', '--config', '/etc/nats/nats.conf']);
      const conf = s.volumes!.find((v) => v.endsWith(':/etc/nats/nats.conf:ro'))!.split(':')[0];
      expect(s.volumes).toContain(`${node}-data:/data`);
      expect(compose.volumes).toHaveProperty(`${node}-data`);
      return [node, readFileSync(join(root, conf), 'utf8')] as const;
    });
    for (const [node, conf] of confs) {
      expect(conf).toContain(`server_name: ${node}`);
      expect(conf).toMatch(/jetstream \{[^}]*store_dir: "\/data"/);
      expect(conf.match(/nats-route:\/\/nats-\d:6222/g)).toEqual(['nats-route://nats-1:6222', 'nats-route://nats-2:6222', 'nats-route://nats-3:6222']);
    }
    // `docker compose up nats` brings the whole cluster: a lone node has no JetStream majority.
    expect(compose.services.nats.depends_on).toEqual(['nats-2', 'nats-3']);
  });

  it('runs two instances of every service, NATS_URL naming every node, streams replicated 3 times, reached through the console', () => {
    for (const name of SERVICES) {
      const s = compose.services[name];
      expect([name, s.deploy?.replicas]).toEqual([name, '${SERVICE_REPLICAS:-2}']);
      expect(s.environment!.NATS_URL.split(',')).toEqual(['nats://nats-1:4222', 'nats://nats-2:4222', 'nats://nats-3:4222']);
      expect(s.environment!.NATS_STREAM_REPLICAS).toBe('3');
      expect(Object.keys(s.depends_on as Record<string, unknown>).sort()).toEqual(['nats', 'nats-2', 'nats-3', 'postgres']);
      // Two instances cannot share a host port.
      expect([name, s.ports]).toEqual([name, undefined]);
    }
    expect(compose.services.console.ports).toEqual(['3000:3000']);
  });
});
