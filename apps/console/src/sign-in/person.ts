import type { Role } from '@app/contracts';

/**
 * Roles a person signs in with (machines — telephony, clock — never sign in to the console). `manager` is the
 * department head 客服经理: appraises supervisors and QA inspectors, reads every team, closes the month.
 */
export const HUMAN_ROLES = ['agent', 'qa', 'supervisor', 'manager', 'hr', 'payroll', 'admin'] as const satisfies readonly Role[];
export type HumanRole = (typeof HUMAN_ROLES)[number];

export interface Person {
  id: string;
  name: string;
  /** The role this person normally holds; the development sign-in lets any role be picked. */
  defaultRole: HumanRole;
  /** Set for people who are in attendance's agent list: the token then carries `agentId`. */
  agentId?: string;
  team?: string;
  source: 'attendance' | 'staff';
}

/** Staff who are not in the agent list but use the console every day. */
export const STAFF_PERSONAS: Person[] = [
  { id: 'Q01', name: '王芳 Wang Fang', defaultRole: 'qa', source: 'staff' },
  { id: 'S01', name: '张伟 Zhang Wei', defaultRole: 'supervisor', source: 'staff' },
  { id: 'M01', name: '李强 Li Qiang', defaultRole: 'manager', source: 'staff' },
  { id: 'H01', name: '刘洋 Liu Yang', defaultRole: 'hr', source: 'staff' },
  { id: 'P01', name: '陈静 Chen Jing', defaultRole: 'payroll', source: 'staff' },
  { id: 'ADM', name: '系统管理员 Administrator', defaultRole: 'admin', source: 'staff' },
];

const ROLE_OF_STAFF_KIND: Record<string, HumanRole> = { agent: 'agent', 'shift-lead': 'agent', qa: 'qa', supervisor: 'supervisor' };

/** An attendance agent record (contracts.md § attendance) as a person who may sign in. */
export function personFromAgent(a: { agentId: string; name?: string; role?: string; team?: string; active?: boolean }): Person {
  return {
    id: a.agentId,
    name: a.name ?? a.agentId,
    defaultRole: ROLE_OF_STAFF_KIND[a.role ?? 'agent'] ?? 'agent',
    agentId: a.agentId,
    team: a.team,
    source: 'attendance',
  };
}
