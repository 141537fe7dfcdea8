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
export async function ensureStreams(jsm: JetStreamManager, streams: StreamDefinition[], settings: StreamSettings = {}): Promise<void> {
  for (const def of streams) {
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
