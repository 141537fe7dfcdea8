import type { AlertEvent } from '@app/contracts';
import { bilingual, splitBilingual } from './bilingual';

/** Alerts of one kind about one agent are a flood candidate; critical ones are never held back. */
export function floodKey(alert: AlertEvent, floodWindowMs: number): string | null {
  if (alert.severity === 'critical' || !alert.agentId || floodWindowMs <= 0) return null;
  return `${alert.kind}|${alert.agentId}`;
}

export interface OpenGroup {
  groupId: string;
  windowEndsAt: number;
}

/**
 * The first alert of a key opens a window and is delivered at once; alerts inside the window are
 * held; when it ends, the held ones leave as one digest with their count (Alertmanager's
 * group_interval, with no group_wait: the first page is never delayed).
 */
export function floodDecision(open: OpenGroup | null, now: number): 'deliver-and-open' | 'hold' | 'flush-then-deliver-and-open' {
  if (!open) return 'deliver-and-open';
  return open.windowEndsAt > now ? 'hold' : 'flush-then-deliver-and-open';
}

/** The digest of held alerts: the latest one's kind, agent and team, its count in both languages. */
export function digestAlert(groupId: string, held: AlertEvent[], windowStartedAt: string, windowEndsAt: string): AlertEvent {
  const last = held[held.length - 1];
  const title = splitBilingual(last.title);
  const n = held.length;
  return {
    alertId: `flood:${groupId}`,
    kind: last.kind,
    severity: last.severity,
    ...(last.agentId ? { agentId: last.agentId } : {}),
    ...(last.team ? { team: last.team } : {}),
    title: bilingual(`${title.zh}(另有 ${n} 条)`, `${title.en} (${n} more)`),
    body: bilingual(
      `${windowStartedAt} 起的窗口内又发生 ${n} 次同类告警,最近一次:${splitBilingual(last.body).zh}`,
      `${n} more alerts of this kind in the window from ${windowStartedAt}; the latest: ${splitBilingual(last.body).en}`,
    ),
    occurredAt: last.occurredAt,
    facts: { groupedCount: n, groupedAlertIds: held.map((a) => a.alertId), windowStartedAt, windowEndsAt, latestFacts: last.facts },
  };
}
