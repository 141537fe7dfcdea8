import { isLeadCard, scorecardView, type CardKind } from './scorecard-view';

export interface TeamRow {
  agentId: string;
  name?: string;
  team?: string;
  /** The person's role (agent, shift-lead, qa, supervisor). */
  role?: string;
  card: CardKind;
  total: number | null;
  grade?: string;
  level?: string;
  /** 考核排名: among everyone appraised on the same card. */
  rank: number | null;
  /** 评选排名: among those eligible for the month's awards. */
  awardRank: number | null;
  flags: string[];
  payTotal: number | null;
}

/** The team's scorecards as table rows (the same reading of a scorecard as the agent's page). */
export function teamRows(cards: unknown[]): TeamRow[] {
  return cards.map((c) => {
    const v = scorecardView(c);
    return {
      agentId: v.agentId, name: v.name, team: v.team, role: v.role, card: v.card, total: v.total, grade: v.grade,
      level: isLeadCard(v.card) ? undefined : v.levelAfter, rank: v.rank, awardRank: v.awardRank, flags: v.flags, payTotal: v.payTotal,
    };
  });
}

/** Which tab of the team page a card belongs on: agents (and shift leads), or supervisors and QA inspectors. */
export type CardTab = 'agents' | 'leads';

export const tabOf = (row: Pick<TeamRow, 'card'>): CardTab => (isLeadCard(row.card) ? 'leads' : 'agents');

/** The rows of one tab, and how many each tab holds (for the tab labels). */
export function splitByTab(rows: TeamRow[]): Record<CardTab, TeamRow[]> {
  return { agents: rows.filter((r) => tabOf(r) === 'agents'), leads: rows.filter((r) => tabOf(r) === 'leads') };
}

/** The kinds present among the rows, in the policy's order, for the table's kind filter. */
export function kindsIn(rows: TeamRow[]): CardKind[] {
  const order: CardKind[] = ['agent', 'shift-lead', 'supervisor'];
  return order.filter((k) => rows.some((r) => r.card === k));
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
