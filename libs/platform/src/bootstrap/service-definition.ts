import type { DynamicModule, Type } from '@nestjs/common';
import type { StreamDefinition } from '@app/contracts';
import type { JetStreamTuning } from '@app/messaging';
import { idempotencyKeysMigration } from '../idempotency/idempotency-keys.migration';

/** What makes one service itself; everything else about starting it is shared. */
export interface ServiceDefinition {
  name: string;
  schema: string;
  defaultPort: number;
  title: string;
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  features: Array<Type<unknown> | DynamicModule>;
  streams?: StreamDefinition[];
  /**
   * Subjects this service publishes (e.g. `SUBJECTS.telephony.callSummarized`, or `alerts.ring-limit`),
   * for its AsyncAPI document at /asyncapi.json. What it consumes is read from its handlers.
   */
  publishes?: string[];
  /**
   * Body size limits; the telephony service takes large NDJSON and queue_log uploads. `streamed`
   * caps the bodies of `@StreamedBody()` routes (default: the text limit); they are never held
   * whole, so it bounds an upload's length, not the heap.
   */
  bodyLimits?: {
    json?: string;
    text?: string;
    streamed?: string;
    /** Objects, arrays and elements a JSON body may hold, checked before it is parsed (default 200,000). */
    jsonValues?: number;
    /** How deep a JSON body (or an NDJSON line) may nest objects and arrays, checked before it is parsed (default 64). */
    jsonDepth?: number;
  };
  jetstream?: JetStreamTuning;
  /** Outbox relay tuning; `maxAttempts` = refusals before a row is parked (default OUTBOX_DEFAULTS). */
  relay?: { batchSize?: number; pollIntervalMs?: number; autoStart?: boolean; maxAttempts?: number };
}

/** The service's own migrations and the tables the platform keeps in its schema (idempotency keys). */
export function serviceMigrations(def: Pick<ServiceDefinition, 'schema' | 'migrations'>): ServiceDefinition['migrations'] {
  return [...def.migrations, idempotencyKeysMigration(def.schema)];
}
