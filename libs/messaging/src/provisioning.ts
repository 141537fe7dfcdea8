import {
  AckPolicy,
  DeliverPolicy,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { StreamDefinition } from '@app/contracts';

export interface StreamSettings {
  replicas?: number;
  duplicateWindowMs?: number;
}

function isNotFound(err: unknown): boolean {
  const e = err as { code?: unknown; message?: string; api_error?: { err_code?: number } };
  return e?.api_error?.err_code === 10059 || e?.api_error?.err_code === 10014 || /not found/i.test(e?.message ?? '');
}

/** Creates each stream, or brings an existing one to the declared subjects; safe on every start. */
/**
 * A JetStream API answer that says "not now" rather than "no": a request timeout, or the cluster between meta
 * leaders (a node restarting, a leader election). A service starting at that moment waits it out instead of
 * exiting at once.
 */
export function isTransientJetStreamError(err: unknown): boolean {
  const e = err as { name?: string; message?: string; code?: string | number } | null;
  return e?.name === 'TimeoutError' || /timeout|temporarily unavailable|no responders|no suitable peers/i.test(e?.message ?? '') || String(e?.code) === '503';
}

/** `work`, again after a growing pause while JetStream answers transiently, for up to `budgetMs`. */
export async function whileJetStreamSettles<T>(work: () => Promise<T>, budgetMs = 60_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let pause = 250; ; pause = Math.min(pause * 2, 5_000)) {
    try {
      return await work();
    } catch (err) {
      if (!isTransientJetStreamError(err) || Date.now() + pause > deadline) throw err;
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

export async function ensureStreams(jsm: JetStreamManager, streams: StreamDefinition[], settings: StreamSettings = {}): Promise<void> {
  for (const def of streams) await whileJetStreamSettles(() => ensureStream(jsm, def, settings));
}

async function ensureStream(jsm: JetStreamManager, def: StreamDefinition, settings: StreamSettings): Promise<void> {
  const config: Partial<StreamConfig> & { name: string } = {
    name: def.name,
    subjects: def.subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    num_replicas: settings.replicas ?? 1,
    duplicate_window: nanos(settings.duplicateWindowMs ?? 120_000),
  };
  try {
    const info = await jsm.streams.info(def.name);
    const same =
      info.config.subjects.join(',') === def.subjects.join(',') && info.config.duplicate_window === config.duplicate_window;
    if (!same) await jsm.streams.update(def.name, { ...info.config, subjects: def.subjects, duplicate_window: config.duplicate_window });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    try {
      await jsm.streams.add(config);
    } catch (addErr) {
      // Another instance created it between our look-up and our add.
      if (!/already in use|exists/i.test((addErr as Error).message)) throw addErr;
    }
  }
}

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
}

/**
 * Durable explicit-ack pull consumer shared by all instances of a service. The server-side
 * delivery limit stays unlimited: the transport counts deliveries and dead-letters itself.
 */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  await whileJetStreamSettles(() => ensureConsumer(jsm, spec));
}

async function ensureConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs),
    max_deliver: -1,
    max_ack_pending: 10_000,
  };
  try {
    const info = await jsm.consumers.info(spec.stream, spec.durable);
    if (info.config.ack_wait !== config.ack_wait || info.config.filter_subject !== spec.filterSubject) {
      await jsm.consumers.update(spec.stream, spec.durable, {
        ack_wait: config.ack_wait,
        filter_subject: spec.filterSubject,
      });
    }
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.consumers.add(spec.stream, config);
  }
}

/** Which of the declared streams holds `subject` (NATS wildcard rules on the stream side). */
export function streamFor(subject: string, streams: StreamDefinition[]): StreamDefinition | undefined {
  return streams.find((s) => s.subjects.some((pattern) => subjectMatches(pattern, subject)));
}

export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const t = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return t.length > i;
    if (i >= t.length) return false;
    if (p[i] !== '*' && p[i] !== t[i] && t[i] !== '*') return false;
  }
  return p.length === t.length;
}

/** Durable names may not hold `.`, `*`, `>` or spaces. */
export function durableName(service: string, pattern: string): string {
  return `${service}__${pattern.replace(/\*/g, 'any').replace(/>/g, 'all').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
