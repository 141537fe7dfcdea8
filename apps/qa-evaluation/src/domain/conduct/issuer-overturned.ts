import type { ConductKind } from '@app/contracts';
import type { QaPolicy } from '../policy/qa-policy';
import type { CatalogueItem } from './catalogue';

/** The record whose appeal hr upheld, as far as the rule needs it. */
export interface OverturnedRecord {
  recordId: string;
  /** Who filed it (a supervisor or QA inspector): the one the penalty is for. */
  issuerId: string;
}

/** The appeal decision: who decided (hr) and when. */
export interface UpheldAppeal {
  decidedBy: string;
  at: Date;
}

/** What is recorded against the issuer: a conduct record's content (the store adds its status and timestamps). */
export interface IssuerAdjustment {
  recordId: string;
  agentId: string;
  code: string;
  kind: ConductKind;
  amountFen: number;
  points: number;
  warning: false;
  occurredAt: Date;
  callId: null;
  note: string;
  evidence: null;
  issuerId: string;
  causedByRecordId: string;
  labelZh: string;
  labelEn: string;
  scorecardPart: null;
  category: string;
  date: null;
}

/** The record id of the adjustment for an overturned record: derived, so it exists once whatever the retries. */
export const issuerAdjustmentId = (overturnedRecordId: string): string => `overturn-${overturnedRecordId}`;

/**
 * rules.md §9: a record overturned on appeal costs its issuer the policy's `conduct.issuerOverturnedCode` (the
 * catalogue's ISSUER_OVERTURNED, −10 by default) in the month of the decision. It is recorded against the issuer's own
 * id — scoring files it on the issuer's (supervisor or qa) scorecard — with the catalogue item's kind, amount and
 * points, never against a scorecard part, issued by whoever decided the appeal, and tied to the voided record.
 * `item` is the catalogue entry of the policy's code (null, or another code: the tenant removed it, nothing is
 * recorded).
 */
export function issuerOverturned(policy: Pick<QaPolicy, 'conduct'>, item: CatalogueItem | null, overturned: OverturnedRecord, appeal: UpheldAppeal): IssuerAdjustment | null {
  if (!item || item.code !== policy.conduct.issuerOverturnedCode) return null;
  return {
    recordId: issuerAdjustmentId(overturned.recordId), agentId: overturned.issuerId, code: item.code, kind: item.kind,
    amountFen: Math.round(item.amount * 100), points: item.points, warning: false, occurredAt: appeal.at, callId: null,
    note: `申诉成立, 记录 ${overturned.recordId} 作废 / appeal upheld, record ${overturned.recordId} voided`, evidence: null,
    issuerId: appeal.decidedBy, causedByRecordId: overturned.recordId, labelZh: item.labelZh, labelEn: item.labelEn,
    scorecardPart: null, category: item.category, date: null,
  };
}
