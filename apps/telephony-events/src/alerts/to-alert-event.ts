import type { AlertEvent } from '@app/contracts';
import type { AlertDraft } from '../domain/alerts/alert-rules';

/** A draft from the alert rules → the `alerts.<kind>` payload; the id is derived from the dedupe key. */
export function toAlertEvent(draft: AlertDraft, occurredAt: string): AlertEvent {
  return {
    alertId: `telephony:${draft.dedupeKey}`,
    kind: draft.kind,
    severity: draft.severity,
    ...(draft.agentId ? { agentId: draft.agentId } : {}),
    title: draft.title,
    body: draft.body,
    occurredAt,
    facts: draft.facts,
  };
}
