import { describe, expect, it } from 'vitest';
import { staleAfterWrite } from './invalidation';

// Keys as useApiQuery and useApiList make them: service, path, query, then how a list is read.
const KEYS = [
  ['scoring', '/v1/scorecards', { period: '2026-10' }, 'all', 1000],
  ['scoring', '/v1/periods/2026-10', undefined],
  ['attendance', '/v1/agents', undefined, 'all', 1000],
  ['notification', '/v1/inbox', undefined, 'pages', undefined],
  ['qa-evaluation', '/v1/evaluations', { period: '2026-10', agentId: 'A1001' }, 'pages', undefined],
  ['console-media-session', 'token'],
];
const stale = (service: Parameters<typeof staleAfterWrite>[1], also?: Parameters<typeof staleAfterWrite>[2]) =>
  KEYS.filter((k) => staleAfterWrite(k, service, also)).map((k) => `${k[0]} ${k[1]}`);

describe('what a write makes stale (issue 18 item 5)', () => {
  it('is every query of the service written to, and nothing of the others', () => {
    expect(stale('scoring')).toEqual(['scoring /v1/scorecards', 'scoring /v1/periods/2026-10']);
    expect(stale('attendance')).toEqual(['attendance /v1/agents']);
    expect(stale('telephony-events')).toEqual([]);
  });

  it('adds the reads the caller names, by key prefix', () => {
    expect(stale('qa-evaluation', [['notification', '/v1/inbox']])).toEqual(['notification /v1/inbox', 'qa-evaluation /v1/evaluations']);
    // A prefix may name a query in part: one month's scorecards, not another's.
    expect(stale('attendance', [['scoring', '/v1/scorecards', { period: '2026-10' }]])).toEqual(['scoring /v1/scorecards', 'attendance /v1/agents']);
    expect(stale('attendance', [['scoring', '/v1/scorecards', { period: '2026-09' }]])).toEqual(['attendance /v1/agents']);
  });
});
