/**
 * The hand-written baseline for bench:ingest, run as its own process:
 * node:http accepts a JSON array of events → each is published to JetStream with msgID = eventId
 * (202 once the stream acknowledged all) → a pull consumer bulk-inserts what it has fetched into a
 * plain table and acks. Env: DATABASE_URL, NATS_URL, PORT.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';

interface Event {
  eventId: string;
  callId: string;
  type: string;
  occurredAt: string;
  agentId?: string;
}
const STREAM = 'PLAIN';
const SUBJECT = 'plain.call-events';
const INSERT_BATCH = 2_000;
const INSERTS_IN_FLIGHT = 2;

const looksValid = (e: Partial<Event>) =>
  typeof e?.eventId === 'string' && typeof e.callId === 'string' && typeof e.type === 'string' && !Number.isNaN(Date.parse(e.occurredAt ?? ''));

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS plain`);
  await pool.query(`CREATE TABLE IF NOT EXISTS plain.call_event (
    event_id text PRIMARY KEY, call_id text NOT NULL, type text NOT NULL, occurred_at timestamptz NOT NULL,
    agent_id text, event jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
  const nc = await connect({ servers: process.env.NATS_URL });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: STREAM, subjects: ['plain.>'] });
  await jsm.consumers.add(STREAM, { durable_name: 'writer', ack_policy: AckPolicy.Explicit, max_ack_pending: 20_000 });
  const js = jetstream(nc);

  // Consumer: whatever arrived since the last turn of the event loop is one multi-row insert.
  const pending: JsMsg[] = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < INSERTS_IN_FLIGHT && pending.length > 0) {
      const batch = pending.splice(0, INSERT_BATCH);
      inFlight++;
      const events = batch.map((m) => m.json<Event>());
      pool
        .query(
          `INSERT INTO plain.call_event (event_id, call_id, type, occurred_at, agent_id, event)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])
           ON CONFLICT (event_id) DO NOTHING`,
          [events.map((e) => e.eventId), events.map((e) => e.callId), events.map((e) => e.type),
            events.map((e) => e.occurredAt), events.map((e) => e.agentId ?? null), events.map((e) => JSON.stringify(e))],
        )
        .then(
          () => batch.forEach((m) => m.ack()),
          (err) => (process.stderr.write(`insert failed: ${err}\n`), batch.forEach((m) => m.nak(1_000))),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  await (await js.consumers.get(STREAM, 'writer')).consume({
    max_messages: 5_000,
    callback: (m) => {
      if (pending.push(m) === 1) setImmediate(pump);
    },
  });

  // HTTP: 202 {accepted, duplicates, rejected} once every valid event is in the stream.
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!Array.isArray(body) || body.length === 0 || body.length > 5_000) throw new Error('a JSON array of 1–5,000 events');
        const valid = body.filter(looksValid) as Event[];
        const acks = await Promise.all(valid.map((e) => js.publish(SUBJECT, JSON.stringify(e), { msgID: e.eventId })));
        const duplicates = acks.filter((a) => a.duplicate).length;
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ accepted: acks.length - duplicates, duplicates, rejected: body.length - valid.length }));
      } catch (err) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(err) }));
      }
    });
  }).listen(Number(process.env.PORT), '127.0.0.1');
}

void main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
