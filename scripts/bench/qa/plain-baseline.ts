import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type Client } from 'pg';

/**
 * The plain baseline for a submission: node:http, JSON.parse, a sum of the answers and one
 * transaction inserting the row and an outbox row — no auth, no form lookup, no validation.
 */
export async function startPlainServer(url: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: url, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS public.plain_evaluation (id bigserial PRIMARY KEY, call_id text NOT NULL, agent_id text NOT NULL, score numeric NOT NULL, body jsonb NOT NULL)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS public.plain_outbox (id bigserial PRIMARY KEY, payload jsonb NOT NULL)`);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { callId: string; agentId: string; answers: Array<{ value: unknown }> };
        const score = body.answers.reduce((s, a) => s + (typeof a.value === 'number' ? a.value : a.value === true ? 1 : 0), 0);
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query(`INSERT INTO public.plain_evaluation (call_id, agent_id, score, body) VALUES ($1, $2, $3, $4)`, [body.callId, body.agentId, score, JSON.stringify(body)]);
          await c.query(`INSERT INTO public.plain_outbox (payload) VALUES ($1)`, [JSON.stringify({ callId: body.callId, score })]);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ score }));
      })().catch((err) => res.writeHead(500).end(String(err)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}

/** Plain sampling: one ranking query, N per agent, no week spread, no evaluator planning, no writes. */
export async function plainSampling(db: Client, perAgent: number): Promise<{ ms: number; rows: number }> {
  const t = Date.now();
  const q = await db.query(
    `SELECT call_id, agent_id FROM (
       SELECT call_id, agent_id, row_number() OVER (PARTITION BY agent_id ORDER BY hashtext(call_id)) AS rn
       FROM qa.call_leg WHERE started_at >= '2026-09-30T16:00:00Z' AND started_at < '2026-10-31T16:00:00Z'
     ) r WHERE rn <= $1`,
    [perAgent],
  );
  return { ms: Date.now() - t, rows: q.rowCount ?? 0 };
}
