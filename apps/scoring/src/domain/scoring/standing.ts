import { competitionRanks } from './ranking';

export type ScorecardKey = 'agent' | 'shift-lead' | 'supervisor';

/**
 * Where one scored person stands in a month, all another person's card needs of them: their total (ranks),
 * whether they may take an award (award ranks), and the team facts a lead's card reads (team.ts).
 */
export interface Standing {
  agentId: string;
  team: string;
  supervisorId: string | null;
  scorecard: ScorecardKey;
  /** Hundredths; null when not appraised this month. */
  totalH: number | null;
  awardEligible: boolean;
  /** Appraised but without this month's appraisal: a close without `force` refuses. */
  appraisalMissing: boolean;
}

export interface Placing {
  rank: number | null;
  awardRank: number | null;
}

/** Ranks per scorecard (competition ranking, 1-1-3) among the appraised, and award ranks among the eligible. */
export function placingsOf(standings: readonly Standing[]): Map<string, Placing> {
  const placings = new Map<string, Placing>();
  for (const key of ['agent', 'shift-lead', 'supervisor'] as const) {
    const group = standings.filter((s) => s.scorecard === key && s.totalH !== null);
    const ranks = competitionRanks(new Map(group.map((s) => [s.agentId, s.totalH!])));
    const awardRanks = competitionRanks(new Map(group.filter((s) => s.awardEligible).map((s) => [s.agentId, s.totalH!])));
    for (const s of group) placings.set(s.agentId, { rank: ranks.get(s.agentId) ?? null, awardRank: awardRanks.get(s.agentId) ?? null });
  }
  return placings;
}
