import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { buildManifests, WORKLOADS } from '../../scripts/k8s/manifests';
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

  it('refuses an object the API schema rejects', () => {
    const bad = buildManifests()[1];
    (bad.objects[0] as unknown as { spec: { replicas: unknown } }).spec.replicas = 'two';
    expect(() => renderManifest(bad)).toThrow(/replicas/);
  });
});
