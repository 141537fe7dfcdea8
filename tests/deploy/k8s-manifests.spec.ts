import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { buildManifests, NATS_NODES, WORKLOADS } from '../../scripts/k8s/manifests';
import { renderManifest } from '../../scripts/k8s/render-manifest';

const dir = join(__dirname, '..', '..', 'deploy', 'k8s');

describe('Kubernetes manifests (deploy/k8s)', () => {
  const manifests = buildManifests();

  it.each(manifests.map((m) => [m.file, m] as const))('%s validates against the API schemas and is committed as rendered', (file, m) => {
    expect(readFileSync(join(dir, file), 'utf8')).toBe(renderManifest(m));
  });

  it('gives every service a Deployment with both probes and a memory limit, a Service and a PodDisruptionBudget', () => {
    const docs = manifests.flatMap((m) => loadAll(readFileSync(join(dir, m.file), 'utf8'))) as Array<{
      kind: string;
      metadata: { name: string };
      spec: Record<string, never>;
    }>;
    for (const w of WORKLOADS) {
      const kinds = docs.filter((d) => d.metadata.name === w.name).map((d) => d.kind).sort();
      expect(kinds).toEqual(['Deployment', 'PodDisruptionBudget', 'Service']);
      const dep = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === w.name) as unknown as {
        spec: { template: { spec: { containers: Array<{ readinessProbe: { httpGet: { path: string; port: number } }; livenessProbe: { httpGet: { path: string } }; resources: { limits: { memory: string } } }> } } };
      };
      const c = dep.spec.template.spec.containers[0];
      expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: w.port });
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(c.resources.limits.memory).toBe(w.memoryLimit);
    }
  });

  it('scales out: a 3-node JetStream StatefulSet, two instances of every service, NATS_URL listing every node, streams replicated 3 times', () => {
    const docs = manifests.flatMap((m) => loadAll(readFileSync(join(dir, m.file), 'utf8'))) as Array<{ kind: string; metadata: { name: string }; spec: Record<string, unknown>; data: Record<string, string> }>;
    const nats = docs.find((d) => d.kind === 'StatefulSet' && d.metadata.name === 'nats')!.spec as {
      replicas: number;
      serviceName: string;
      podManagementPolicy: string;
      volumeClaimTemplates: Array<{ metadata: { name: string } }>;
      template: { spec: { containers: Array<{ volumeMounts: Array<{ name: string; mountPath: string }> }> } };
    };
    expect([NATS_NODES, nats.replicas, nats.serviceName, nats.podManagementPolicy]).toEqual([3, 3, 'nats-headless', 'Parallel']);
    // Each node its own volume under the JetStream store.
    expect(nats.volumeClaimTemplates.map((v) => v.metadata.name)).toEqual(['data']);
    expect(nats.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    const conf = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'nats-config')!.data['nats.conf'];
    expect(conf).toMatch(/jetstream \{[^}]*store_dir: "\/data"/);
    expect(conf.match(/nats-route:\/\/nats-\d\.nats-headless:6222/g)).toEqual(['nats-route://nats-0.nats-headless:6222', 'nats-route://nats-1.nats-headless:6222', 'nats-route://nats-2.nats-headless:6222']);
    expect(docs.find((d) => d.kind === 'Service' && d.metadata.name === 'nats-headless')!.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(docs.find((d) => d.kind === 'PodDisruptionBudget' && d.metadata.name === 'nats')!.spec).toMatchObject({ maxUnavailable: 1 });

    const config = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'callcentre-config')!.data;
    expect(config.NATS_URL.split(',')).toEqual(['nats://nats-0.nats-headless:4222', 'nats://nats-1.nats-headless:4222', 'nats://nats-2.nats-headless:4222']);
    expect(config.NATS_STREAM_REPLICAS).toBe('3');
    for (const w of WORKLOADS) {
      const dep = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === w.name)!.spec as { replicas: number };
      expect([w.name, dep.replicas]).toEqual([w.name, 2]);
    }
  });

  it('refuses an object the API schema rejects', () => {
    const bad = buildManifests().find((m) => m.file === 'scoring.yaml')!;
    (bad.objects[0] as unknown as { spec: { replicas: unknown } }).spec.replicas = 'two';
    expect(() => renderManifest(bad)).toThrow(/replicas/);
  });
});
