import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { RejectedEvent } from '../domain/validate-call-event';
import type { EventSource } from './call-event.store';

/** Rejected input is kept, never silently dropped (events that arrive over NATS have nobody to answer). */
export abstract class IngestRejectionLog {
  abstract record(source: EventSource, rejected: RejectedEvent[], raw: unknown[]): Promise<void>;
}

@Injectable()
export class PgIngestRejectionLog extends IngestRejectionLog {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async record(source: EventSource, rejected: RejectedEvent[], raw: unknown[]): Promise<void> {
    if (rejected.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO telephony.ingest_rejection (source, item_index, event_id, errors, raw)
       SELECT $1, r.i, r.event_id, r.errors, r.raw FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::jsonb[]) AS r(i, event_id, errors, raw)`,
      [
        source,
        rejected.map((r) => r.index),
        rejected.map((r) => r.eventId ?? null),
        rejected.map((r) => JSON.stringify(r.errors)),
        rejected.map((r) => JSON.stringify(raw[r.index] ?? null)),
      ],
    );
  }
}
