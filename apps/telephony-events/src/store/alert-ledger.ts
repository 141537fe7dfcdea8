import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';

/** Which alerts were raised already: a re-derivation must never raise the same alert twice. */
export abstract class AlertLedger {
  /** Records the keys; returns those that were not recorded before. */
  abstract claim(alerts: Array<{ dedupeKey: string; alertId: string; kind: string; callId: string }>): Promise<Set<string>>;
}

@Injectable()
export class PgAlertLedger extends AlertLedger {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async claim(alerts: Array<{ dedupeKey: string; alertId: string; kind: string; callId: string }>): Promise<Set<string>> {
    if (alerts.length === 0) return new Set();
    const rows: Array<{ dedupe_key: string }> = await this.scope.manager().query(
      `INSERT INTO telephony.alert_raised (dedupe_key, alert_id, kind, call_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT DO NOTHING RETURNING dedupe_key`,
      [alerts.map((a) => a.dedupeKey), alerts.map((a) => a.alertId), alerts.map((a) => a.kind), alerts.map((a) => a.callId)],
    );
    return new Set(rows.map((r) => r.dedupe_key));
  }
}
