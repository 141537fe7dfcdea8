import type { AgentRecord } from './agent-record';
import { countsTowardRegion, placeInRegion, regionKey, regionOverflow, type RegionMembers } from './region-limit';

const agent = (agentId: string, over: Partial<AgentRecord> = {}): AgentRecord => ({
  agentId, name: agentId, team: 'T1', region: 'east', role: 'agent', hireDate: '2026-03-01', supervisorId: null, active: true, email: null, language: 'zh-CN', level: 'regular', ...over,
});
const members = (entries: Record<string, string[]>): RegionMembers => new Map(Object.entries(entries).map(([k, ids]) => [k, new Set(ids)]));

describe('regionOverflow', () => {
  it('refuses a fourth agent in a region of a team, naming how many are there', () => {
    const m = members({ 'T1|east': ['A1', 'A2', 'A3'] });
    expect(regionOverflow(agent('A4'), m, 3)).toBe(3);
    expect(regionOverflow(agent('A4', { region: 'south' }), m, 3)).toBeNull();
    expect(regionOverflow(agent('A4', { team: 'T2' }), m, 3)).toBeNull();
    expect(regionOverflow(agent('A3'), members({ 'T1|east': ['A1', 'A2'] }), 3)).toBeNull();
  });

  it('does not count the agent twice, nor someone who does not count', () => {
    const m = members({ 'T1|east': ['A1', 'A2', 'A3'] });
    expect(regionOverflow(agent('A3', { name: 'renamed' }), m, 3)).toBeNull();
    expect(regionOverflow(agent('A4', { active: false }), m, 3)).toBeNull();
    expect(regionOverflow(agent('S1', { role: 'supervisor' }), m, 3)).toBeNull();
    expect(countsTowardRegion(agent('A4'))).toBe(true);
  });
});

describe('placeInRegion', () => {
  it('moves an agent to its new region, and out of every region when it stops counting', () => {
    const m = members({ 'T1|east': ['A1', 'A2'] });
    placeInRegion(m, agent('A2', { region: 'south' }));
    expect([...m.get('T1|east')!]).toEqual(['A1']);
    expect([...m.get(regionKey({ team: 'T1', region: 'south' }))!]).toEqual(['A2']);
    placeInRegion(m, agent('A1', { active: false }));
    expect([...m.get('T1|east')!]).toEqual([]);
  });

  it('counts the agents placed earlier in the same batch', () => {
    const m = members({});
    for (const id of ['A1', 'A2', 'A3']) placeInRegion(m, agent(id));
    expect(regionOverflow(agent('A4'), m, 3)).toBe(3);
  });
});
