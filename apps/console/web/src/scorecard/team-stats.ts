import { scorecardView } from './scorecard-view';

export interface TeamRow {
  agentId: string;
  name?: string;
  team?: string;
  total: number | null;
  grade?: string;
  level?: string;
  payTotal: number | null;
}

/** The team's scorecards as table rows (the same reading of a scorecard as the agent's page). */
export function teamRows(cards: unknown[]): TeamRow[] {
  return cards.map((c) => {
    const v = scorecardView(c);
    const o = c as Record<string, unknown>;
    return { agentId: v.agentId, name: typeof o.name === 'string' ? o.name : undefined, team: typeof o.team === 'string' ? o.team : undefined, total: v.total, grade: v.grade, level: v.levelAfter, payTotal: v.payTotal };
  });
}

/** How many totals fall in each band of `width` points from 0 to 100 (the last band includes 100). */
export function distribution(totals: number[], width = 10): Array<{ from: number; to: number; count: number }> {
  const bands = Array.from({ length: Math.ceil(100 / width) }, (_, i) => ({ from: i * width, to: Math.min(100, (i + 1) * width), count: 0 }));
  for (const t of totals) {
    const i = Math.min(bands.length - 1, Math.max(0, Math.floor(t / width)));
    bands[i].count += 1;
  }
  return bands;
}

/** Mean of the totals present, two decimals; null when there are none. */
export function mean(totals: Array<number | null>): number | null {
  const xs = totals.filter((x): x is number => typeof x === 'number');
  return xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;
}
