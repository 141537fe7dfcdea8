import { readFileSync } from 'node:fs';
import { fmt } from '../bench-util';
import type { StatementCounts } from './count-statements';

/** The service's statement counts as written after `since` (count-statements.ts writes them every 200 ms). */
export async function statementsSince(file: string, since: number): Promise<Record<string, number>> {
  for (;;) {
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as StatementCounts;
      if (read.at > since) return read.counts;
    } catch {
      // not written yet, or caught mid-write: read again
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `sum` plus what was counted between the readings `before` and `after`. */
export function added(sum: Record<string, number>, before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out = { ...sum };
  for (const [head, n] of Object.entries(after)) out[head] = (out[head] ?? 0) + n - (before[head] ?? 0);
  return out;
}

/** "N statements a submission", and the commonest statements, each per submission. */
export function perSubmission(counted: Record<string, number>, submissions: number): string {
  const delta = Object.entries(counted).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const total = delta.reduce((s, [, n]) => s + n, 0);
  const top = delta.slice(0, 5).map(([head, n]) => `  ${fmt(n / submissions, 2)} × ${head}`).join('\n');
  return `SQL statements the service sent (round trips, relay and workers included): ${fmt(total / submissions, 2)} a submission\n${top}\n`;
}
