import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { assertIsAgent } from '../access/agent-scope';
import { Clock } from '../clock/clock';
import { Fields } from '../domain/validation/fields';
import { ConductEvents } from '../events/conduct-events';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { ConductStore, type ConductRecord } from '../store/conduct.store';

const DAY_MS = 86_400_000;

/**
 * The agent appeals a record within the window; hr decides. Upheld: the record is voided
 * (`qa.conduct.voided`) and the issuer gets the ISSUER_OVERTURNED adjustment in the month of the
 * decision (rules.md §9), recorded once whatever the retries.
 */
@Injectable()
export class ConductAppealFlow {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
    private readonly events: ConductEvents,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
  ) {}

  async file(recordId: string, body: unknown, user: AuthenticatedUser) {
    const f = new Fields(body);
    f.only(['reason']);
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    const policy = await this.policy.current();
    return this.scope.run(async () => {
      const r = await this.load(recordId);
      assertIsAgent(user, r.agentId);
      if (r.status === 'voided') throw refuse('QA.RECORD_VOIDED', 'recordId', 'the record is already void / 该记录已作废');
      const now = this.clock.now();
      if (now.getTime() > r.createdAt.getTime() + policy.appeals.windowDays * DAY_MS) {
        throw refuse('QA.APPEAL_WINDOW_CLOSED', 'recordId', `appeals are taken within ${policy.appeals.windowDays} days of the record / 申诉须在记录后 ${policy.appeals.windowDays} 天内提出`);
      }
      if (!(await this.store.fileAppeal({ recordId, agentId: r.agentId, reason: reason!, status: 'pending', filedAt: now, decidedBy: null, decisionReason: null, decidedAt: null }))) {
        throw refuse('QA.APPEAL_EXISTS', 'recordId', 'this record has already been appealed / 该记录已申诉');
      }
      return { recordId, status: 'pending', filedAt: now.toISOString() };
    });
  }

  async decide(recordId: string, body: unknown, hrId: string) {
    const f = new Fields(body);
    f.only(['upheld', 'reason']);
    const upheld = f.boolean('upheld');
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    const policy = await this.policy.current();
    return this.scope.run(async () => {
      const r = await this.load(recordId);
      const appeal = await this.store.appeal(recordId);
      if (!appeal) throw refuse('QA.APPEAL_NOT_FOUND', 'recordId', 'the record has no appeal / 该记录没有申诉');
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
    const item = await this.store.catalogueItem(code);
    if (!item) return null;
    const record: ConductRecord = {
      recordId: `overturn-${r.recordId}`, agentId: r.issuerId, code: item.code, kind: item.kind, amountFen: Math.round(item.amount * 100), points: item.points, warning: false,
      occurredAt: at, callId: null, note: `申诉成立, 记录 ${r.recordId} 作废 / appeal upheld, record ${r.recordId} voided`, evidence: null, issuerId: hrId, status: 'recorded',
      causedByRecordId: r.recordId, labelZh: item.labelZh, labelEn: item.labelEn, scorecardPart: null, createdAt: at, acknowledgedAt: null, voidedAt: null, voidReason: null,
    };
    await this.store.insert(record);
    return record;
  }

  private async load(recordId: string): Promise<ConductRecord> {
    const r = await this.store.get(recordId, true);
    if (!r) throw QaErrors.recordNotFound();
    return r;
  }
}
