import { agentOfCall } from './agent-of-call';

describe('agentOfCall', () => {
  it('takes the answered leg that talked longest; the earlier answer on a tie; nobody when none answered', () => {
    expect(agentOfCall([
      { agentId: 'A1', answeredAt: '2026-10-05T01:00:00Z', talkMs: 20_000 },
      { agentId: 'A2', answeredAt: '2026-10-05T01:00:30Z', talkMs: 300_000 },
      { agentId: 'A3', answeredAt: null, talkMs: null },
    ])).toBe('A2');
    expect(agentOfCall([
      { agentId: 'B2', answeredAt: '2026-10-05T01:00:30Z', talkMs: 1000 },
      { agentId: 'B1', answeredAt: '2026-10-05T01:00:00Z', talkMs: 1000 },
    ])).toBe('B1');
    expect(agentOfCall([{ agentId: 'A3', answeredAt: null, talkMs: null }])).toBeNull();
  });
});
