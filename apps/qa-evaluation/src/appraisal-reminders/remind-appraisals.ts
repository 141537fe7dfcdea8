import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { TransactionScope } from '@app/persistence';
import { stageDeadline, stagesToRemind } from '../domain/appraisal/appraisal-calendar';
import { reminderAlerts } from '../domain/appraisal/reminder-alerts';
import { QaAlerts } from '../events/alerts';
import { QaPolicyStore } from '../store/qa-policy.store';
import { AgentDirectory } from '../store/agent-directory';
import { AppraisalStore } from '../store/appraisal.store';

/** Raises the reminder alerts due at `at` for last month's appraisals (rules.md §6 timetable). */
@Injectable()
export class RemindAppraisals {
  constructor(
    private readonly scope: TransactionScope,
    private readonly agents: AgentDirectory,
    private readonly appraisals: AppraisalStore,
    private readonly alerts: QaAlerts,
    private readonly policy: QaPolicyStore,
  ) {}

  async execute(at: Date): Promise<{ period: string; stages: string[]; alerts: number }> {
    const policy = await this.policy.current();
    const now = DateTime.fromJSDate(at, { zone: policy.timeZone });
    const period = now.minus({ months: 1 }).toFormat('yyyy-MM');
    const stages = stagesToRemind(period, now, policy);
    let raised = 0;
    if (stages.length === 0) return { period, stages, alerts: 0 };
    await this.scope.run(async () => {
      const active = await this.agents.active('agent');
      for (const stage of stages) {
        const filed = await this.appraisals.filedFor(period, stage === 'self' ? 'self' : 'supervisor');
        const alerts = reminderAlerts({
          period, stage, dueDate: stageDeadline(period, stage, policy).minus({ days: 1 }).toISODate()!, occurredAt: at.toISOString(),
          missing: active.filter((a) => !filed.has(a.agentId)).map((a) => ({ agentId: a.agentId, supervisorId: a.supervisorId, team: a.team })),
        });
        await this.alerts.raise(...alerts);
        raised += alerts.length;
      }
    });
    return { period, stages, alerts: raised };
  }
}
