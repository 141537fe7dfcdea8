/**
 * Competition ranking: equal totals share a rank and the next rank skips (1-1-3).
 * `totals` maps an id to its total in hundredths.
 */
export function competitionRanks(totals: Map<string, number>): Map<string, number> {
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const ranks = new Map<string, number>();
  sorted.forEach(([id, total], i) => {
    const prev = sorted[i - 1];
    ranks.set(id, prev && prev[1] === total ? ranks.get(prev[0])! : i + 1);
  });
  return ranks;
}
