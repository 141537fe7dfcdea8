import { ConfigMap, Namespace, Service, type IEnvVar } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';

/**
 * The Kubernetes manifests of the product, built as typed objects so every one is validated against
 * the Kubernetes API schemas (kubernetes-models) before it is written. `npm run k8s:render` writes
 * them to deploy/k8s/; a test renders again and fails when the committed files differ.
 */
export interface WorkloadSpec {
  name: string;
  port: number;
  /** Memory limit: the benchmarks' peak RSS under the Dockerfile's 128 MB heap cap, with headroom. */
  memoryLimit: string;
  memoryRequest: string;
  cpuRequest: string;
  replicas: number;
  /** The console needs no database or NATS. */
  usesBus: boolean;
}

export const NAMESPACE = 'callcentre';
export const IMAGE_REPOSITORY = 'callcentre';

// Peaks measured by the benches on a 2-core machine: telephony 188 MB (bench:ingest), the bus 150 MB
// (bench:bus); scoring's month close holds a month of 2,000 agents (bench:close target < 500 MB); qa-evaluation
// 261–276 MB checking transcripts at full speed (bench:speech-qa: jieba's dictionary is ~37 MB outside the heap).
export const WORKLOADS: WorkloadSpec[] = [
  { name: 'telephony-events', port: 3001, memoryLimit: '320Mi', memoryRequest: '200Mi', cpuRequest: '500m', replicas: 2, usesBus: true },
  { name: 'qa-evaluation', port: 3002, memoryLimit: '320Mi', memoryRequest: '224Mi', cpuRequest: '200m', replicas: 2, usesBus: true },
  { name: 'attendance', port: 3003, memoryLimit: '320Mi', memoryRequest: '160Mi', cpuRequest: '200m', replicas: 2, usesBus: true },
  { name: 'scoring', port: 3004, memoryLimit: '640Mi', memoryRequest: '320Mi', cpuRequest: '500m', replicas: 2, usesBus: true },
  { name: 'notification', port: 3005, memoryLimit: '256Mi', memoryRequest: '160Mi', cpuRequest: '200m', replicas: 2, usesBus: true },
  { name: 'console', port: 3000, memoryLimit: '192Mi', memoryRequest: '96Mi', cpuRequest: '100m', replicas: 2, usesBus: false },
];

const labels = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'callcentre-scoring' });

function deployment(w: WorkloadSpec): Deployment {
  const env: IEnvVar[] = [
    { name: 'PORT', value: String(w.port) },
    { name: 'NODE_ENV', value: 'production' },
    { name: 'AUTH_JWT_SECRET', valueFrom: { secretKeyRef: { name: 'callcentre-secrets', key: 'AUTH_JWT_SECRET' } } },
  ];
  if (w.usesBus) {
    env.push(
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'callcentre-secrets', key: 'DATABASE_URL' } } },
      { name: 'NATS_URL', valueFrom: { configMapKeyRef: { name: 'callcentre-config', key: 'NATS_URL' } } },
      { name: 'NATS_STREAM_REPLICAS', valueFrom: { configMapKeyRef: { name: 'callcentre-config', key: 'NATS_STREAM_REPLICAS' } } },
    );
  }
  const probe = (path: string, initialDelaySeconds: number) => ({
    httpGet: { path, port: w.port },
    initialDelaySeconds,
    periodSeconds: 10,
    timeoutSeconds: 3,
    failureThreshold: 3,
  });
  return new Deployment({
    metadata: { name: w.name, namespace: NAMESPACE, labels: labels(w.name) },
    spec: {
      replicas: w.replicas,
      selector: { matchLabels: labels(w.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels(w.name) },
        spec: {
          // Services drain in-flight messages on SIGTERM (tests/messaging/process-faults).
          terminationGracePeriodSeconds: 30,
          securityContext: { runAsNonRoot: true, runAsUser: 1000 },
          containers: [
            {
              name: w.name,
              image: `${IMAGE_REPOSITORY}/${w.name}:latest`,
              ports: [{ name: 'http', containerPort: w.port }],
              env,
              envFrom: [{ configMapRef: { name: 'callcentre-config' } }],
              resources: {
                requests: { cpu: w.cpuRequest, memory: w.memoryRequest },
                limits: { memory: w.memoryLimit },
              },
              readinessProbe: probe('/health/ready', 5),
              livenessProbe: probe('/health/live', 20),
              startupProbe: { ...probe('/health/live', 0), failureThreshold: 30, periodSeconds: 2 },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
            },
          ],
        },
      },
    },
  });
}

function service(w: WorkloadSpec): Service {
  return new Service({
    metadata: { name: w.name, namespace: NAMESPACE, labels: labels(w.name) },
    spec: { selector: labels(w.name), ports: [{ name: 'http', port: w.port, targetPort: 'http' }] },
  });
}

function disruptionBudget(w: WorkloadSpec): PodDisruptionBudget {
  return new PodDisruptionBudget({
    metadata: { name: w.name, namespace: NAMESPACE, labels: labels(w.name) },
    spec: { minAvailable: 1, selector: { matchLabels: labels(w.name) } },
  });
}

export interface Manifest {
  file: string;
  objects: Array<{ validate(): void; toJSON(): unknown }>;
}

/** Every manifest file and its objects; PostgreSQL is external (its URL is in the secret), NATS comes from its Helm chart. */
export function buildManifests(): Manifest[] {
  const common: Manifest = {
    file: '00-namespace-and-config.yaml',
    objects: [
      new Namespace({ metadata: { name: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'callcentre-scoring' } } }),
      new ConfigMap({
        metadata: { name: 'callcentre-config', namespace: NAMESPACE },
        data: {
          // The NATS Helm release `nats` (deploy/k8s/nats-values.yaml): a 3-node JetStream cluster.
          NATS_URL: 'nats://nats-0.nats-headless:4222,nats://nats-1.nats-headless:4222,nats://nats-2.nats-headless:4222',
          NATS_STREAM_REPLICAS: '3',
          MIGRATIONS_RUN: 'true',
          LOG_LEVEL: 'log',
          TELEPHONY_EVENTS_URL: 'http://telephony-events:3001',
          QA_EVALUATION_URL: 'http://qa-evaluation:3002',
          ATTENDANCE_URL: 'http://attendance:3003',
          SCORING_URL: 'http://scoring:3004',
          NOTIFICATION_URL: 'http://notification:3005',
        },
      }),
    ],
  };
  return [common, ...WORKLOADS.map((w) => ({ file: `${w.name}.yaml`, objects: [deployment(w), service(w), disruptionBudget(w)] }))];
}
