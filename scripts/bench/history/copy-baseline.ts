import { spawn } from 'node:child_process';
import type { Client } from 'pg';

/**
 * The plain baseline: the same file into a plain table with PostgreSQL's COPY, one row per queue_log line
 * (psql's \copy streams it from this side, as the importer's bytes travel). No index, no parsing.
 */
export async function copyBaseline(db: Client, dbUrl: string, file: string): Promise<{ ms: number; rows: number }> {
  await db.query(`CREATE SCHEMA IF NOT EXISTS plain; CREATE TABLE plain.queue_log_line (line text NOT NULL)`);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    // Field separator \x01: a whole line is one column (queue_log has no backslashes for the text format to read).
    const psql = spawn('psql', [dbUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy plain.queue_log_line (line) FROM '${file.replace(/'/g, "''")}' WITH (FORMAT text, DELIMITER E'\\x01')`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    psql.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    psql.once('error', reject);
    psql.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy exited with ${code}: ${err.slice(-500)}`))));
  });
  const ms = performance.now() - t0;
  const rows: number = (await db.query(`SELECT count(*)::int AS n FROM plain.queue_log_line`)).rows[0].n;
  return { ms, rows };
}
