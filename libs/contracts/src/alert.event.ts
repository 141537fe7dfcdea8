/** `alerts.<kind>` payload (contracts.md, notification). */
export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface AlertEvent {
  alertId: string;
  kind: string;
  severity: AlertSeverity;
  agentId?: string;
  team?: string;
  /** Shown to people: carries both languages, Chinese first, e.g. "响铃超时 / Ring limit exceeded". */
  title: string;
  body: string;
  occurredAt: string;
  facts: Record<string, unknown>;
}
