import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { resolveRecordFigures } from '../domain/conduct/resolve-record';
import { Fields } from '../domain/validation/fields';
import { ConductEvents } from '../events/conduct-events';
import { QaPolicyStore } from '../store/qa-policy.store';
import { refuse, rejected } from '../qa-evaluation.errors';
import { CatalogueStore } from '../store/catalogue.store';
import { ConductStore, type ConductRecord } from '../store/conduct.store';

/**
 * A supervisor or QA inspector files a reward/penalty record 奖罚记录 for an agent: figures from the
 * catalogue (or the issuer's choice within its range), `qa.conduct.recorded` and an alert to the
 * agent in the same transaction.
 */
@Injectable()
export class RecordConduct {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
    private readonly catalogue: CatalogueStore,
    private readonly events: ConductEvents,
    private readonly policy: QaPolicyStore,
  ) {}

  async execute(body: unknown, issuerId: string): Promise<{ recordId: string; issuerId: string; amount: number; points: number; kind: string; warning: boolean }> {
    const f = new Fields(body);
    f.only(['agentId', 'code', 'occurredAt', 'callId', 'amount', 'points', 'note', 'evidence']);
    const agentId = f.string('agentId', { max: 100 });
    const code = f.string('code', { max: 100 });
    const occurredAt = f.instant('occurredAt');
    const callId = f.string('callId', { optional: true, max: 200 });
    const note = f.string('note', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    const policy = await this.policy.current();
    const item = await this.catalogue.get(code!);
    if (!item || !item.active) throw refuse('QA.UNKNOWN_CONDUCT_CODE', 'code', `${code} is not in the catalogue / 奖罚目录中没有 ${code}`);
    if (item.computed || item.code === policy.conduct.issuerOverturnedCode) {
      throw refuse('QA.CONDUCT_CODE_NOT_RECORDABLE', 'code', `${code} is recorded by the system, not by hand / ${code} 由系统记录`);
    }
    return this.scope.run(async () => {
      const prior = await this.store.priorOffences(agentId!, item.code);
      const { figures, problems } = resolveRecordFigures(item, { amount: f.raw('amount'), points: f.raw('points') }, prior, policy.conduct.firstOffenceWarning);
      if (!figures) throw rejected(problems);
      const record: ConductRecord = {
        recordId: randomUUID(), agentId: agentId!, code: item.code, kind: item.kind, amountFen: figures.amountFen, points: figures.points, warning: figures.warning,
        occurredAt: occurredAt!, callId: callId ?? null, note: note!, evidence: f.raw('evidence') ?? null, issuerId, status: 'recorded', causedByRecordId: null,
        labelZh: item.labelZh, labelEn: item.labelEn, scorecardPart: item.scorecardPart, createdAt: new Date(), acknowledgedAt: null, voidedAt: null, voidReason: null,
      };
      await this.store.insert(record);
      await this.events.recorded(record, policy.conduct.alertKind);
      return { recordId: record.recordId, issuerId, amount: record.amountFen / 100, points: record.points, kind: record.kind, warning: record.warning };
    });
  }
}
