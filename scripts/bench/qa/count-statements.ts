/**
 * Preloaded into the service by `BENCH_QA_STATEMENTS=1 npm run bench:qa` (`-r @swc-node/register -r <this>`): counts
 * every SQL statement the process sends through `pg` (one round trip each), by the statement's first words, and
 * writes the totals with the time taken to BENCH_QA_STATEMENTS_FILE every 200 ms, so the bench can read how many
 * statements a phase cost. Not for production: it wraps `Client.prototype.query`.
 */
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';

export interface StatementCounts {
  at: number;
  counts: Record<string, number>;
}

const file = process.env.BENCH_QA_STATEMENTS_FILE;
if (file) {
  const counts: Record<string, number> = {};
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === 'string' ? config : config?.text;
    if (text) {
      const head = text.replace(/\s+/g, ' ').trim().slice(0, 60);
      counts[head] = (counts[head] ?? 0) + 1;
    }
    return query.apply(this, args);
  } as typeof Client.prototype.query;
  const write = () => writeFileSync(file, JSON.stringify({ at: Date.now(), counts } satisfies StatementCounts));
  setInterval(write, 200).unref();
  process.on('exit', write);
}
