import type { ScoreEvent } from '@app/contracts';

interface Card {
  agentId: string;
  name: string;
  team: string;
  total: number | null;
  grade: string | null;
  rank: number | null;
  level: { levelBefore: string; levelAfter: string; change: string };
  pay: { total: number };
  deductions: { monthPoints: number };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

/** The month as a table (one line per agent), then what payroll received. */
export function scorecardTable(cards: Card[], events: ScoreEvent[]): string {
  const rows = [...cards].sort((a, b) => a.agentId.localeCompare(b.agentId));
  const head = `${pad('agent', 8)}${pad('name', 8)}${pad('team', 5)}${pad('total', 8)}${pad('grade', 11)}${pad('rank', 5)}${pad('level', 26)}${pad('points', 7)}pay (CNY)`;
  const lines = rows.map((c) => {
    const change = c.level.change === 'kept' ? c.level.levelBefore : `${c.level.levelBefore} → ${c.level.levelAfter}`;
    return `${pad(c.agentId, 8)}${pad(c.name, 8)}${pad(c.team, 5)}${pad(c.total === null ? '—' : c.total.toFixed(2), 8)}${pad(c.grade ?? 'not appraised', 11)}${pad(c.rank === null ? '—' : String(c.rank), 5)}${pad(change, 26)}${pad(String(c.deductions.monthPoints), 7)}${c.pay.total.toFixed(2)}`;
  });
  const payroll = events
    .sort((a, b) => a.agentId.localeCompare(b.agentId) || a.revision - b.revision)
    .map((e) => `  ${e.eventId}  total ${e.totalScore ?? '—'}  pay ${e.pay.total.toFixed(2)}  ${e.levelBefore} → ${e.levelAfter}`);
  return [head, '-'.repeat(head.length + 4), ...lines, '', `payroll received ${events.length} event(s):`, ...payroll].join('\n');
}
