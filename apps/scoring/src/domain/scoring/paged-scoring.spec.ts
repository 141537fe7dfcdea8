import { DEFAULT_POLICY } from '../policy/default-policy';
import { agentMonth, withTotal } from '../testing/month-builder';
import type { AgentMonthInput } from './month-inputs';
import { emptyCallTally } from './month-inputs';
import { peopleReadBy, scoreMonth, standingsOf } from './score-month';
import { placingsOf } from './standing';

const P = DEFAULT_POLICY;
const period = '2026-10';

/** Two teams, a supervisor over T1 (and A4 in T2 reporting to them), ties for the award ranks, a barred agent. */
const people: AgentMonthInput[] = [
  withTotal('A1', 90, { team: 'T1' }),
  withTotal('A2', 95, { team: 'T1', validComplaints: [{ complaintId: 'cp', receivedAt: '2026-10-02T02:00:00.000Z', category: 'attitude' }] }),
  withTotal('A3', 90, { team: 'T2' }),
  withTotal('A4', 80, { team: 'T2', supervisorId: 'S01', calls: { ...emptyCallTally(), rated: 10, goodRated: 9 } }),
  agentMonth('S01', { role: 'supervisor', team: 'T1', evaluations: [], calls: { ...emptyCallTally() } }),
  agentMonth('S02', { role: 'supervisor', team: 'T2', evaluations: [], calls: { ...emptyCallTally() } }),
];

describe('scoring a page of the month', () => {
  const whole = new Map(scoreMonth({ period, agents: people }, P, 'default-1').map((c) => [c.agentId, c]));

  it('builds only the cards asked for, ranked among everyone', () => {
    const page = scoreMonth({ period, agents: people }, P, 'default-1', { only: new Set(['A3', 'S01']) });
    expect(page.map((c) => c.agentId)).toEqual(['A3', 'S01']);
    expect(page).toEqual([whole.get('A3'), whole.get('S01')]);
    expect([whole.get('A3')!.rank, whole.get('A3')!.awardRank]).toEqual([2, 1]); // A2 ranks first but is barred from the awards
  });

  it("gives the same cards from the page's people and the teams its leads read alone, with the month's placings", () => {
    const standings = standingsOf({ period, agents: people }, P);
    expect(standings.map((s) => [s.agentId, s.scorecard, s.totalH, s.awardEligible])).toEqual([
      ['A1', 'agent', 9000, true], ['A2', 'agent', 9500, false], ['A3', 'agent', 9000, true], ['A4', 'agent', 7900, true], // 9 of 10 rated good: satisfaction 9
      ['S01', 'supervisor', whole.get('S01')!.total! * 100, true], ['S02', 'supervisor', whole.get('S02')!.total! * 100, true],
    ]);
    const placings = placingsOf(standings);
    for (const pageIds of [['A1', 'A2'], ['A3', 'A4'], ['S01'], ['S02']]) {
      const readers = standings.filter((s) => pageIds.includes(s.agentId));
      const needed = new Set([...pageIds, ...readers.flatMap((lead) => peopleReadBy(lead, standings))]);
      const page = scoreMonth({ period, agents: people.filter((p) => needed.has(p.agentId)) }, P, 'default-1', { only: new Set(pageIds), placings });
      expect(page).toEqual(pageIds.map((id) => whole.get(id)));
    }
    const s01 = standings.find((s) => s.agentId === 'S01')!;
    expect(peopleReadBy(s01, standings)).toEqual(['A1', 'A2', 'A4']); // T1, and A4 who reports to S01
    expect(peopleReadBy(standings[0], standings)).toEqual([]);
  });

  it('marks who still misses an appraisal, as the close refuses them', () => {
    const missing = standingsOf({ period, agents: [...people, agentMonth('A9', { appraisal: null })] }, P).filter((s) => s.appraisalMissing);
    expect(missing.map((s) => s.agentId)).toEqual(['A9']);
  });
});
