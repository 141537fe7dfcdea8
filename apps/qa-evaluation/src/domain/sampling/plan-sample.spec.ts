import { planSample, type SampleCandidate } from './plan-sample';

const cand = (agentId: string, week: number, n: number, priority = 0): SampleCandidate => ({
  callId: `${agentId}-w${week}-${n}`, agentId, week, date: `2026-10-${String(1 + week * 7 + n).padStart(2, '0')}`, priority,
});

describe('planSample', () => {
  it('spreads an agent\'s calls over the weeks and the evaluators, best first', () => {
    const candidates = [0, 1, 2, 3].flatMap((w) => [cand('A1', w, 0), cand('A1', w, 1, 5)]);
    const plan = planSample({ candidates, needed: new Map([['A1', 4]]), evaluators: ['Q1', 'Q2', 'Q3', 'Q4'], dailyCap: 10 });
    expect(plan.map((a) => a.week).sort()).toEqual([0, 1, 2, 3]);
    expect(plan.every((a) => a.callId.endsWith('-1'))).toBe(true); // the priority-5 call of each week
    expect(new Set(plan.map((a) => a.evaluatorId)).size).toBe(4);
    expect(plan.find((a) => a.week === 0)?.dueDate).toBe('2026-10-03'); // the day after the call
  });

  it('takes more from a week when others are empty, and never more than needed or twice the same call', () => {
    const candidates = [cand('A1', 0, 0), cand('A1', 0, 1), cand('A1', 0, 2), cand('A1', 2, 0)];
    const plan = planSample({ candidates, needed: new Map([['A1', 3]]), evaluators: ['Q1'], dailyCap: 10 });
    expect(plan).toHaveLength(3);
    expect(new Set(plan.map((a) => a.callId)).size).toBe(3);
    expect(plan.filter((a) => a.week === 2)).toHaveLength(1);
  });

  it('keeps each evaluator within the daily cap, moving work to another evaluator or a later day', () => {
    const candidates = ['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => ({ ...cand(a, 0, 0), callId: `${a}-c` }));
    const plan = planSample({ candidates, needed: new Map(candidates.map((c) => [c.agentId, 1])), evaluators: ['Q1', 'Q2'], dailyCap: 2 });
    expect(plan).toHaveLength(5);
    const perDay = new Map<string, number>();
    for (const a of plan) perDay.set(`${a.evaluatorId}|${a.dueDate}`, (perDay.get(`${a.evaluatorId}|${a.dueDate}`) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBe(2);
    expect(plan.filter((a) => a.dueDate === '2026-10-03')).toHaveLength(1); // the fifth slips a day
  });
});
