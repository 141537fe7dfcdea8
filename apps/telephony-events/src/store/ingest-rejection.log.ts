import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { RejectedEvent } from '../domain/events/validate-call-event';
import type { EventSource } from './call-event.store';

/** Rejected input is kept, never silently dropped (events that arrive over NATS have nobody to answer). */
export abstract class IngestRejectionLog {
  abstract record(source: EventSource, rejected: RejectedEvent[], raw: unknown[]): Promise<void>;
}

/** Enough of a rejected item to see what was sent; the rest would only let one item fill the table. */
export const RAW_TEXT_MAX = 4_000;

/**
 * Any value as JSON text that PostgreSQL text accepts: JSON.stringify escapes NUL and lone
 * surrogates; nesting too deep to stringify is said so instead of throwing.
 */
export function storableText(value: unknown, max = RAW_TEXT_MAX): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch (error) {
    text = `[not serialisable: ${(error as Error).message}]`;
  }
  // A cut may split a surrogate pair; the lone half is escaped like any other.
  return text.length <= max ? text : JSON.stringify(text.slice(0, max)).slice(1, -1) + '…';
}

@Injectable()
export class PgIngestRejectionLog extends IngestRejectionLog {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async record(source: EventSource, rejected: RejectedEvent[], raw: unknown[]): Promise<void> {
    if (rejected.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO telephony.ingest_rejection (source, item_index, event_id, errors_text, raw_text)
       SELECT $1, r.i, r.event_id, r.errors, r.raw FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS r(i, event_id, errors, raw)`,
      [
        source,
        rejected.map((r) => r.index),
        rejected.map((r) => r.eventId ?? null), // made printable by validation
        rejected.map((r) => storableText(r.errors)),
        rejected.map((r) => storableText(raw[r.index] ?? null)),
      ],
    );
  }
}
