import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import type { CatalogueItem } from '../domain/conduct/catalogue';
import { duplicateRecord, duplicatesComputed, holdOverLimit, referenceFor, referenceMissing } from '../domain/conduct/one-occurrence';
import { resolveRecordFigures } from '../domain/conduct/resolve-record';
import type { QaPolicy } from '../domain/policy/qa-policy';
import { ConductEvents } from '../events/conduct-events';
import { QaPolicyStore } from '../store/qa-policy.store';
import { refuse, rejected } from '../qa-evaluation.errors';
import { AttendanceDayStore } from '../store/attendance-day.store';
import { CallCopyStore } from '../store/call-copy.store';
import { CatalogueStore } from '../store/catalogue.store';
import { ConductStore, type ConductRecord } from '../store/conduct.store';
import type { RecordConductCommand } from './record-conduct.command';

/**
 * A supervisor or QA inspector files a reward/penalty record 奖罚记录 for an agent: figures from the
 * catalogue (or the issuer's choice within its range), `qa.conduct.recorded` and an alert to the
 * agent in the same transaction. A record of an occurrence scoring also computes (late/early/absent,
 * long hold) names its day or call and is refused when it would count the occurrence twice.
 */
@Injectable()
export class RecordConduct {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
    private readonly catalogue: CatalogueStore,
    private readonly events: ConductEvents,
    private readonly policy: QaPolicyStore,
    private readonly days: AttendanceDayStore,
    private readonly calls: CallCopyStore,
    private readonly teams: TeamScope,
  ) {}

  /** `issuer`: a supervisor or QA inspector, recording for the people of their own teams. */
  async execute(cmd: RecordConductCommand, issuer: AuthenticatedUser): Promise<{ recordId: string; issuerId: string; amount: number; points: number; kind: string; warning: boolean; date: string | null }> {
    const { agentId, code, callId, date, note } = cmd;
    const occurredAt = new Date(cmd.occurredAt);
    await this.teams.assertReaches(issuer, agentId);
    const issuerId = issuer.sub;
    const policy = await this.policy.current();
    const item = await this.catalogue.get(code);
    if (!item || !item.active) throw refuse('QA.UNKNOWN_CONDUCT_CODE', 'code', `${code} is not in the catalogue / 奖罚目录中没有 ${code}`);
    if (item.computed || item.code === policy.conduct.issuerOverturnedCode) {
      throw refuse('QA.CONDUCT_CODE_NOT_RECORDABLE', 'code', `${code} is recorded by the system, not by hand / ${code} 由系统记录`);
    }
    const ref = referenceFor(policy, item.code);
    if (ref === 'date' && !date) throw rejected([referenceMissing(item.code, ref)]);
    if (ref === 'callId' && !callId) throw rejected([referenceMissing(item.code, ref)]);
    return this.scope.run(async () => {
      const prior = await this.store.priorOffences(agentId, item.code);
      const { figures, problems } = resolveRecordFigures(item, { amount: cmd.amount, points: cmd.points }, prior, policy.conduct.firstOffenceWarning);
      if (!figures) throw rejected(problems);
      if (ref) await this.refuseSecondCount(item, agentId, ref === 'date' ? { date: date! } : { callId: callId! }, policy);
      const record: ConductRecord = {
        recordId: randomUUID(), agentId, code: item.code, kind: item.kind, amountFen: figures.amountFen, points: figures.points, warning: figures.warning,
        occurredAt, callId: callId ?? null, note, evidence: cmd.evidence ?? null, issuerId, status: 'recorded', causedByRecordId: null,
        labelZh: item.labelZh, labelEn: item.labelEn, scorecardPart: item.scorecardPart, category: item.category, date: date ?? null,
        createdAt: new Date(), acknowledgedAt: null, voidedAt: null, voidReason: null,
      };
      await this.store.insert(record);
      await this.events.recorded(record, policy.conduct.alertKind);
      return { recordId: record.recordId, issuerId, amount: record.amountFen / 100, points: record.points, kind: record.kind, warning: record.warning, date: record.date };
    });
  }

  /**
   * One occurrence, one deduction (rules.md §5). Refused when qa's copies already show the computed fact (the day's
   * unexcused lateness, early leave or absence; the agent's hold on the call over the telephony limit), or when the
   * same code is already recorded for that day or call. The copies may lag: scoring also ignores a hand record whose
   * computed twin arrives later, so this refusal is the issuer's immediate feedback, not the only guard.
   */
  private async refuseSecondCount(item: CatalogueItem, agentId: string, ref: { date: string } | { callId: string }, policy: QaPolicy): Promise<void> {
    if ('date' in ref) {
      const day = await this.days.get(agentId, ref.date);
      if (day?.unexcusedLateEarlyAbsent) throw rejected([duplicatesComputed(item.code, 'date', ref.date)]);
    } else {
      const ms = await this.calls.longestHoldMs(ref.callId, agentId);
      if (ms !== null && holdOverLimit(ms, policy.telephony.holdLimitMs)) throw rejected([duplicatesComputed(item.code, 'callId', ref.callId)]);
    }
    const existing = await this.store.sameOccurrence(agentId, item.code, ref);
    if (existing) throw rejected([duplicateRecord(item.code, 'date' in ref ? 'date' : 'callId', 'date' in ref ? ref.date : ref.callId, existing)]);
  }
}
