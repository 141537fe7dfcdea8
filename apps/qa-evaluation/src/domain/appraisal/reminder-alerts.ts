import type { AlertEvent } from '@app/contracts';
import type { AppraisalStage } from './appraisal-calendar';

export interface ReminderInput {
  period: string;
  stage: AppraisalStage;
  dueDate: string;
  occurredAt: string;
  /** Active agents not yet self-scored (for the self stage) or not yet appraised (for the others). */
  missing: Array<{ agentId: string; supervisorId: string | null; team: string | null }>;
}

/** The alert kinds of the reminders (`alerts.<kind>`), routed by notification. */
export const REMINDER_KINDS = { selfDue: 'qa.appraisal-self-due', appraisalDue: 'qa.appraisal-due' } as const;

const STAGE_TEXT: Record<AppraisalStage, string> = {
  self: '自评 / self-score',
  supervisor: '主管评分 / supervisor\'s scores',
  final: '考核最终截止 / final deadline',
};

/**
 * The reminder alerts of one stage: each agent who has not self-scored is reminded; each supervisor
 * is reminded once with the agents still missing their appraisal. Ids are stable per period, stage
 * and person, so a reminder is raised once however often the check runs.
 */
export function reminderAlerts(r: ReminderInput): AlertEvent[] {
  const base = { severity: r.stage === 'final' ? ('critical' as const) : ('warning' as const), occurredAt: r.occurredAt };
  if (r.stage === 'self') {
    return r.missing.map((m) => ({
      ...base,
      alertId: `qa:appraisal-self-due:${r.period}:${m.agentId}`,
      kind: REMINDER_KINDS.selfDue,
      agentId: m.agentId,
      ...(m.team ? { team: m.team } : {}),
      title: `月度自评截止 ${r.dueDate} / Self-score due ${r.dueDate}`,
      body: `请在 ${r.dueDate} 前完成 ${r.period} 的自评 / Please self-score ${r.period} by ${r.dueDate}`,
      facts: { period: r.period, stage: r.stage, dueDate: r.dueDate },
    }));
  }
  const bySupervisor = new Map<string, string[]>();
  for (const m of r.missing) {
    const key = m.supervisorId ?? 'unassigned';
    bySupervisor.set(key, [...(bySupervisor.get(key) ?? []), m.agentId]);
  }
  return [...bySupervisor.entries()].map(([supervisorId, agentIds]) => ({
    ...base,
    alertId: `qa:appraisal-due:${r.period}:${r.stage}:${supervisorId}`,
    kind: REMINDER_KINDS.appraisalDue,
    agentId: supervisorId,
    title: `${STAGE_TEXT[r.stage]} ${r.dueDate}: ${agentIds.length} 人待考核 / ${agentIds.length} appraisal(s) outstanding`,
    body: `${r.period} 待考核 / to appraise: ${agentIds.join(', ')}`,
    occurredAt: r.occurredAt,
    facts: { period: r.period, stage: r.stage, dueDate: r.dueDate, supervisorId, agentIds },
  }));
}
