import type { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedRule {
  ruleId: string;
  name: string;
  kinds: string[];
  roles: string[];
  fallback?: boolean;
}

/**
 * The default routes of rules.md, so a fresh install delivers every alert somewhere. An admin may
 * change or disable them; they are seeded once and never overwritten by a later start.
 */
export const DEFAULT_ROUTING_RULES: SeedRule[] = [
  // §9: every reward/penalty record is handed to the person on the spot and signed.
  { ruleId: 'default-conduct', name: '奖罚记录 → 本人及主管 / Conduct records → the agent and their supervisor', kinds: ['qa.conduct*'], roles: ['agent', 'supervisor'] },
  // §3: phone conduct measured from call events concerns the agent and the supervisor who inspects.
  { ruleId: 'default-phone-conduct', name: '电话规范 → 本人及主管 / Phone conduct → the agent and their supervisor', kinds: ['call.ring-limit-exceeded', 'call.ring-no-answer', 'call.long-hold'], roles: ['agent', 'supervisor'] },
  // §5, §6, §7: not retained, HR interview and dismissal go to HR and the supervisor.
  { ruleId: 'default-exit', name: '面谈/辞退/不予留用 → 人事及主管 / Interview, dismissal, retention → HR and the supervisor', kinds: ['*interview*', '*dismiss*', '*retain*', '*retention*'], roles: ['hr', 'supervisor'] },
  // §7: level changes, streaks and promotion priority concern the agent, the supervisor and HR.
  { ruleId: 'default-level', name: '升降级与排名 → 本人、主管及人事 / Levels and ranking → the agent, supervisor and HR', kinds: ['*demot*', '*promot*', '*streak*'], roles: ['agent', 'supervisor', 'hr'] },
  // §6: appraisal deadlines are the scoring supervisors' to meet.
  { ruleId: 'default-appraisal', name: '考核截止 → 班组主管 / Appraisal deadlines → the team supervisors', kinds: ['qa.appraisal*'], roles: ['team-supervisors', 'agent'] },
  { ruleId: 'default-media-quality', name: '通话质量 → 技术中心 / Poor media quality → the technical centre', kinds: ['call.poor-quality'], roles: ['tech'] },
  { ruleId: 'default-queue', name: '长时间等待 → 班组主管 / Long waits → the team supervisors', kinds: ['call.long-wait-abandoned'], roles: ['team-supervisors'] },
  { ruleId: 'default-dead-letter', name: '死信消息 → 管理员 / Dead-lettered messages → admin', kinds: ['message.*'], roles: ['admin'] },
  { ruleId: 'default-fallback', name: '其他告警 → 管理员及主管 / Anything else → admin and the supervisor', kinds: [], roles: ['admin', 'supervisor'], fallback: true },
];

export class DefaultRoutingRules1763800000200 implements MigrationInterface {
  name = 'DefaultRoutingRules1763800000200';

  async up(q: QueryRunner): Promise<void> {
    for (const r of DEFAULT_ROUTING_RULES) {
      await q.query(
        `INSERT INTO notification.routing_rule (rule_id, name, match, roles, recipients, webhook_ids, channels, fallback, enabled, seeded)
         VALUES ($1, $2, $3, $4, '[]', '{}', '{inbox,email}', $5, true, true) ON CONFLICT (rule_id) DO NOTHING`,
        [r.ruleId, r.name, JSON.stringify(r.kinds.length ? { kinds: r.kinds } : {}), r.roles, r.fallback === true],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification.routing_rule WHERE seeded`);
  }
}
