import type { Client } from 'pg';

/**
 * The same month done by hand in plain SQL, in the same database: bulk-insert the clock events
 * into a bare table, then decide every roster day in one statement (first in, last out within the
 * shift window, lateness and early leave beyond a 5-minute grace, absent without a clock-in) into
 * a bare result table. No validation, matching between shifts, leave, holidays, versions or events.
 */
export async function plainBaseline(db: Client, bodies: string[]): Promise<{ ingestMs: number; closeMs: number; days: number }> {
  await db.query(`CREATE TABLE IF NOT EXISTS public.bench_clock (event_id text PRIMARY KEY, agent_id text, type text, at timestamptz)`);
  await db.query(`CREATE INDEX IF NOT EXISTS bench_clock_agent_at ON public.bench_clock (agent_id, at)`);
  await db.query(`CREATE TABLE IF NOT EXISTS public.bench_day (agent_id text, date date, status text, late int, early int, PRIMARY KEY (agent_id, date))`);
  const t0 = Date.now();
  for (const body of bodies) {
    await db.query(
      `INSERT INTO public.bench_clock SELECT e->>'eventId', e->>'agentId', e->>'type', (e->>'at')::timestamptz
       FROM jsonb_array_elements($1::jsonb) e ON CONFLICT DO NOTHING`,
      [body],
    );
  }
  const t1 = Date.now();
  const r = await db.query(
    `INSERT INTO public.bench_day
     SELECT r.agent_id, r.date,
            CASE WHEN c.first_in IS NULL THEN 'absent' ELSE 'present' END,
            CASE WHEN c.first_in > r.start_at + interval '5 min' THEN ceil(extract(epoch from c.first_in - r.start_at) / 60) ELSE 0 END,
            CASE WHEN c.last_out < r.end_at - interval '5 min' THEN ceil(extract(epoch from r.end_at - c.last_out) / 60) ELSE 0 END
     FROM attendance.roster r
     LEFT JOIN LATERAL (
       SELECT min(at) FILTER (WHERE type = 'in') AS first_in, max(at) FILTER (WHERE type = 'out') AS last_out
       FROM public.bench_clock k WHERE k.agent_id = r.agent_id AND k.at BETWEEN r.window_from AND r.window_to) c ON true
     ON CONFLICT DO NOTHING`,
  );
  return { ingestMs: t1 - t0, closeMs: Date.now() - t1, days: r.rowCount ?? 0 };
}
