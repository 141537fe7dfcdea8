import { problem, type Problem } from '../validation/problems';
import type { QaPolicy } from '../policy/qa-policy';

export type AppealProblemCode = 'QA.RECORD_VOIDED' | 'QA.APPEAL_WINDOW_CLOSED';
export type AppealDecisionProblemCode = 'QA.APPEAL_ALREADY_DECIDED';

/** A conduct record as far as appealing it goes. */
export interface AppealedRecord {
  status: 'recorded' | 'voided';
  createdAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * The last instant an appeal is taken: the policy's `appeals.windowDays` after the record was written (rules.md §9,
 * 7 by default). From the record, not the occurrence: the agent learns of it when it is handed to them.
 */
export function appealWindowEnd(createdAt: Date, policy: Pick<QaPolicy, 'appeals'>): Date {
  return new Date(createdAt.getTime() + policy.appeals.windowDays * DAY_MS);
}

/** Whether the agent may appeal this record now; "once per record" is the store's (a unique row). */
export function checkAppeal(record: AppealedRecord, now: Date, policy: Pick<QaPolicy, 'appeals'>): Problem<AppealProblemCode>[] {
  if (record.status === 'voided') return [problem('QA.RECORD_VOIDED', 'recordId', 'the record is already void / 该记录已作废')];
  if (now.getTime() > appealWindowEnd(record.createdAt, policy).getTime()) {
    const days = policy.appeals.windowDays;
    return [problem('QA.APPEAL_WINDOW_CLOSED', 'recordId', `appeals are taken within ${days} days of the record / 申诉须在记录后 ${days} 天内提出`)];
  }
  return [];
}

/** What hr's decision does: upheld voids the record and costs its issuer (`issuerOverturned`); rejected changes nothing. */
export interface AppealOutcome {
  status: 'upheld' | 'rejected';
  voidsRecord: boolean;
  costsIssuer: boolean;
}

/** An appeal is decided once: a second decision would void twice or overturn a rejection. */
export function checkAppealDecision(appeal: { status: 'pending' | 'upheld' | 'rejected' }): Problem<AppealDecisionProblemCode>[] {
  if (appeal.status !== 'pending') return [problem('QA.APPEAL_ALREADY_DECIDED', 'recordId', `the appeal is already ${appeal.status} / 申诉已处理`)];
  return [];
}

export function appealOutcome(upheld: boolean): AppealOutcome {
  return upheld ? { status: 'upheld', voidsRecord: true, costsIssuer: true } : { status: 'rejected', voidsRecord: false, costsIssuer: false };
}
