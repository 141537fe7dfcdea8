import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { Clock } from '../clock/clock';
import { Fields } from '../domain/validation/fields';
import { ConductEvents } from '../events/conduct-events';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { CatalogueStore } from '../store/catalogue.store';
import { ConductStore, type ConductRecord } from '../store/conduct.store';
import { QaPolicyStore } from '../store/qa-policy.store';

/**
 * hr decides an appeal. Upheld: the record is voided (`qa.conduct.voided`) and its issuer gets the
 * ISSUER_OVERTURNED adjustment (−10 by default) in the month of the decision (rules.md §9), with a
 * record id derived from the voided one so it exists once whatever the retries.
 */
@Injectable()
export class DecideConductAppeal {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
    private readonly catalogue: CatalogueStore,
    private readonly events: ConductEvents,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(recordId: string, body: unknown, hrId: string) {
    const f = new Fields(body);
    f.only(['upheld', 'reason']);
    const upheld = f.boolean('upheld');
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    const policy = await this.policy.current();
    return this.scope.run(async () => {
      const r = await this.store.get(recordId, true);
      if (!r) throw QaErrors.recordNotFound();
      const appeal = await this.store.appeal(recordId);
      if (!appeal) throw QaErrors.appealNotFound();
      if (appeal.status !== 'pending') throw refuse('QA.APPEAL_ALREADY_DECIDED', 'recordId', `the appeal is already ${appeal.status} / 申诉已处理`);
      const now = this.clock.now();
      await this.store.decideAppeal(recordId, upheld!, hrId, reason!, now);
      let overturn: ConductRecord | null = null;
      if (upheld) {
        await this.store.void(recordId, reason!, now);
        await this.events.voided(r, reason!, now);
        overturn = await this.overturn(r, hrId, now, policy.conduct.issuerOverturnedCode);
        if (overturn) await this.events.recorded(overturn, policy.conduct.alertKind);
      }
      return { recordId, status: upheld ? 'upheld' : 'rejected', voided: upheld, issuerAdjustment: overturn ? { recordId: overturn.recordId, agentId: overturn.agentId, points: overturn.points } : null };
    });
  }

  private async overturn(r: ConductRecord, hrId: string, at: Date, code: string): Promise<ConductRecord | null> {
    const item = await this.catalogue.get(code);
    if (!item) return null;
    // Against the issuer's own id: scoring files it on the issuer's (supervisor or qa) scorecard, −10 there.
    const record: ConductRecord = {
      recordId: `overturn-${r.recordId}`, agentId: r.issuerId, code: item.code, kind: item.kind, amountFen: Math.round(item.amount * 100), points: item.points, warning: false,
      occurredAt: at, callId: null, note: `申诉成立, 记录 ${r.recordId} 作废 / appeal upheld, record ${r.recordId} voided`, evidence: null, issuerId: hrId, status: 'recorded',
      causedByRecordId: r.recordId, labelZh: item.labelZh, labelEn: item.labelEn, scorecardPart: null, category: item.category, date: null, createdAt: at, acknowledgedAt: null, voidedAt: null, voidReason: null,
    };
    await this.store.insert(record);
    return record;
  }
}
