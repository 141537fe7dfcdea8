import { ConfigMap, Namespace, Service, type IEnvVar } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
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
/** The JetStream cluster (nats.yaml): three nodes, so one may be lost or drained and streams of replicas 3 keep a majority. */
export const NATS_NODES = 3;
const NATS_PORTS = { client: 4222, cluster: 6222, monitor: 8222 };
/** Each node by its stable name behind the headless Service (nats-0.nats-headless, …). */
const natsNode = (i: number) => `nats-${i}.nats-headless`;
export const NATS_URL = Array.from({ length: NATS_NODES }, (_, i) => `nats://${natsNode(i)}:${NATS_PORTS.client}`).join(',');
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

/**
 * The nodes' configuration (deploy/nats/nats-cluster-N.conf with the pods' names): JetStream on each, routes to
 * all three (a route to itself is recognised and ignored), `server_name` from the pod's name.
 */
const NATS_CONF = `# Generated from scripts/k8s/manifests.ts; the same settings as deploy/nats/nats-cluster-N.conf.
server_name: $POD_NAME
listen: 0.0.0.0:${NATS_PORTS.client}
http: 0.0.0.0:${NATS_PORTS.monitor}
pid_file: /var/run/nats/nats.pid
# On a rolling restart (preStop): stop taking clients, move them to the other nodes first.
lame_duck_duration: 30s
# Facts are small; 1 MB matches the services' own payload bounds.
max_payload: 1048576

jetstream {
  store_dir: "/data"
  max_memory_store: 256MB
}

cluster {
  name: callcentre
  listen: 0.0.0.0:${NATS_PORTS.cluster}
  routes: [
${Array.from({ length: NATS_NODES }, (_, i) => `    nats-route://${natsNode(i)}:${NATS_PORTS.cluster}`).join('\n')}
  ]
}
`;

/** The NATS JetStream cluster: a StatefulSet of three nodes, each with its own volume, found by name through a headless Service. */
function natsCluster(): Manifest {
  const natsLabels = labels('nats');
  const probe = (path: string, extra: Record<string, number>) => ({
    httpGet: { path, port: NATS_PORTS.monitor },
    periodSeconds: 10,
    timeoutSeconds: 5,
    failureThreshold: 3,
    ...extra,
  });
  return {
    file: 'nats.yaml',
    objects: [
      new ConfigMap({ metadata: { name: 'nats-config', namespace: NAMESPACE, labels: natsLabels }, data: { 'nats.conf': NATS_CONF } }),
      new Service({
        metadata: { name: 'nats-headless', namespace: NAMESPACE, labels: natsLabels },
        spec: {
          clusterIP: 'None',
          // Routes must resolve a node before it is ready: JetStream is ready only once the nodes found each other.
          publishNotReadyAddresses: true,
          selector: natsLabels,
          ports: [
            { name: 'client', port: NATS_PORTS.client, targetPort: 'client' },
            { name: 'cluster', port: NATS_PORTS.cluster, targetPort: 'cluster' },
            { name: 'monitor', port: NATS_PORTS.monitor, targetPort: 'monitor' },
          ],
        },
      }),
      new StatefulSet({
        metadata: { name: 'nats', namespace: NAMESPACE, labels: natsLabels },
        spec: {
          serviceName: 'nats-headless',
          replicas: NATS_NODES,
          // All at once: a node is healthy only once a majority met, so one at a time would wait for ever.
          podManagementPolicy: 'Parallel',
          selector: { matchLabels: natsLabels },
          template: {
            metadata: { labels: natsLabels },
            spec: {
              // Longer than lame_duck_duration, so clients move off before the node stops.
              terminationGracePeriodSeconds: 60,
              securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 },
              // One node per host: losing a host loses one node, which the cluster survives.
              topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: natsLabels } }],
              containers: [
                {
                  name: 'nats',
                  image: 'nats:2.10-alpine',
                  args: ['--config', '/etc/nats/nats.conf'],
                  env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
                  ports: [
                    { name: 'client', containerPort: NATS_PORTS.client },
                    { name: 'cluster', containerPort: NATS_PORTS.cluster },
                    { name: 'monitor', containerPort: NATS_PORTS.monitor },
                  ],
                  volumeMounts: [
                    { name: 'config', mountPath: '/etc/nats' },
                    { name: 'data', mountPath: '/data' },
                    { name: 'pid', mountPath: '/var/run/nats' },
                  ],
                  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '1Gi' } },
                  // Started once caught up with the meta group and its streams; alive and ready while JetStream runs.
                  startupProbe: probe('/healthz', { periodSeconds: 10, failureThreshold: 90 }),
                  livenessProbe: probe('/healthz?js-enabled-only=true', { initialDelaySeconds: 10 }),
                  readinessProbe: probe('/healthz?js-server-only=true', { initialDelaySeconds: 10 }),
                  lifecycle: { preStop: { exec: { command: ['nats-server', '-sl=ldm=/var/run/nats/nats.pid'] } } },
                  securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
                },
              ],
              volumes: [
                { name: 'config', configMap: { name: 'nats-config' } },
                { name: 'pid', emptyDir: {} },
              ],
            },
          },
          volumeClaimTemplates: [
            { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } } },
          ],
        },
      }),
      // At most one node away at a time (a drain, an upgrade): two of three keep the majority every stream needs.
      new PodDisruptionBudget({ metadata: { name: 'nats', namespace: NAMESPACE, labels: natsLabels }, spec: { maxUnavailable: 1, selector: { matchLabels: natsLabels } } }),
    ],
  };
}

/** Every manifest file and its objects; PostgreSQL is external (its URL is in the secret). */
export function buildManifests(): Manifest[] {
  const common: Manifest = {
    file: '00-namespace-and-config.yaml',
    objects: [
      new Namespace({ metadata: { name: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'callcentre-scoring' } } }),
      new ConfigMap({
        metadata: { name: 'callcentre-config', namespace: NAMESPACE },
        data: {
          // Every node of the cluster in nats.yaml: a service starts, and reconnects, while any one is down.
          NATS_URL,
          NATS_STREAM_REPLICAS: String(NATS_NODES),
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
  return [common, natsCluster(), ...WORKLOADS.map((w) => ({ file: `${w.name}.yaml`, objects: [deployment(w), service(w), disruptionBudget(w)] }))];
}
