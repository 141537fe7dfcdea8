import type { Standing } from '../domain/scoring/standing';
import type { StoredPolicy } from '../store/policy.store';
import { ProvisionalStandings, StandingsSnapshot } from './provisional-standings';

const standing = (agentId: string, team = 'T1', totalH: number | null = 8000): Standing => ({
  agentId, team, supervisorId: null, scorecard: 'agent', totalH, awardEligible: true, appraisalMissing: false,
});
const policy = { policyVersion: 'default-1' } as StoredPolicy;

describe('provisional standings', () => {
  const snap = new StandingsSnapshot('2026-10', policy, [standing('b', 'T2', 9000), standing('a'), standing('B'), standing('c', 'T2', null)]);

  it('walks people in code-point order after any agent id, the ones that pass only', () => {
    expect(snap.standings.map((s) => s.agentId)).toEqual(['B', 'a', 'b', 'c']);
    expect(snap.after(undefined, 2, () => true).map((s) => s.agentId)).toEqual(['B', 'a']);
    expect(snap.after('a', 10, () => true).map((s) => s.agentId)).toEqual(['b', 'c']);
    expect(snap.after('aa', 10, () => true).map((s) => s.agentId)).toEqual(['b', 'c']); // someone no longer there
    expect(snap.after(undefined, 10, (s) => s.team === 'T2').map((s) => s.agentId)).toEqual(['b', 'c']);
    expect(snap.after('c', 10, () => true)).toEqual([]);
    expect(snap.placings.get('b')).toEqual({ rank: 1, awardRank: 1 });
    expect(snap.placings.get('c')).toBeUndefined(); // not appraised: unranked
  });

  it('finds a kept snapshot by token for its own month, for a while; keeps a few', () => {
    const kept = new ProvisionalStandings();
    kept.keep(snap, snap.madeAt);
    expect(kept.find(snap.token, '2026-10', snap.madeAt + 1_000)).toBe(snap);
    expect(kept.find(snap.token, '2026-11', snap.madeAt + 1_000)).toBeUndefined();
    expect(kept.find(snap.token, '2026-10', snap.madeAt + 15 * 60_000)).toBeUndefined();
    const more = Array.from({ length: 8 }, () => new StandingsSnapshot('2026-10', policy, [], snap.madeAt));
    for (const s of more) kept.keep(s, snap.madeAt);
    expect(kept.find(snap.token, '2026-10', snap.madeAt)).toBeUndefined(); // the oldest of nine went
    expect(more.every((s) => kept.find(s.token, '2026-10', snap.madeAt) === s)).toBe(true);
  });
});
