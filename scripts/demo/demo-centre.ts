import type { Level, Region } from '@app/contracts';

/** The demo centre: 20 agents in two teams of ten, each team with its supervisor (rules.md §1). */
export interface DemoAgent {
  agentId: string;
  name: string;
  team: 'T1' | 'T2';
  region: Region;
  supervisorId: 'S01' | 'S02';
  level: Level;
  /** How this agent tends to work; drives the generated month. */
  profile: 'steady' | 'star' | 'struggling';
}

const NAMES = [
  '李娜', '王芳', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄婷', '周杰', '吴倩',
  '徐明', '孙丽', '马超', '朱红', '胡斌', '郭蕾', '何勇', '高洁', '林峰', '罗琳',
];
const REGIONS: Region[] = ['east', 'south', 'southwest', 'central', 'northeast', 'northwest', 'north'];
const LEVELS: Level[] = ['regular', 'regular', 'one-star', 'regular', 'trainee', 'two-star', 'regular', 'one-star', 'regular', 'regular'];
const PROFILES: DemoAgent['profile'][] = ['star', 'steady', 'steady', 'steady', 'steady', 'star', 'struggling', 'steady', 'steady', 'steady'];

export function demoAgents(): DemoAgent[] {
  return NAMES.map((name, i) => {
    const inTeam = i % 10;
    return {
      agentId: `A${2001 + i}`,
      name,
      team: i < 10 ? 'T1' : 'T2',
      // Ten per team over seven regions: at most two in a region, within the rule's three.
      region: REGIONS[inTeam % REGIONS.length],
      supervisorId: i < 10 ? 'S01' : 'S02',
      level: LEVELS[inTeam],
      profile: PROFILES[inTeam],
    };
  });
}

/**
 * One QA inspector per team (质检员): they act on their own team only (contracts.md), so each is in attendance's
 * directory with their team, and the department head appraises them on the supervisor card.
 */
export const QA_INSPECTORS = [
  { id: 'Q01', name: '周质检', team: 'T1', region: 'east' },
  { id: 'Q02', name: '吴质检', team: 'T2', region: 'south' },
] as const satisfies ReadonlyArray<{ id: string; name: string; team: DemoAgent['team']; region: Region }>;

export const DEMO_STAFF = [
  { id: 'S01', name: '孙主管', roles: ['supervisor'] as const, team: 'T1' },
  { id: 'S02', name: '钱主管', roles: ['supervisor'] as const, team: 'T2' },
  ...QA_INSPECTORS.map((q) => ({ id: q.id, name: q.name, roles: ['qa'] as const, team: q.team })),
  { id: 'H01', name: '郑人事', roles: ['hr'] as const },
];
