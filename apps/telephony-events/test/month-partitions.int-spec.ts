import { DateTime } from 'luxon';
import request from 'supertest';
import { Client } from 'pg';
import { createServiceDataSource, revertLastMigration, runServiceMigrations } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@app/persistence/testing/test-database';
import { waitFor } from '../../../tests/support/wait-for';
import { TELEPHONY_MIGRATIONS } from '../migrations';
import { MONTHLY_TABLES, wantedMonths } from '../src/domain/partitions/month-partitions';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { PartitionKeeper } from '../src/partitions/partition-keeper';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/** The start of this local month: the boundary the tests put calls across. */
const boundary = DateTime.now().setZone(P.timeZone).startOf('month').toMillis();
const at = (secondsFromBoundary: number) => new Date(boundary + secondsFromBoundary * 1000).toISOString();
const monthName = (table: string, ms: number) => `${table}_${DateTime.fromMillis(ms, { zone: P.timeZone }).toFormat("'y'yyyy'm'MM")}`;

describe('monthly partitions of events, facts and legs (issue 12 item 7)', () => {
  let t: TelephonyHarness;
  const post = (body: unknown) => request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(body as object);
  const placed = async (table: string, where: string, params: unknown[]) =>
    (await t.env.query<{ part: string }>(`SELECT tableoid::regclass::text AS part FROM telephony.${table} WHERE ${where} ORDER BY 1`, params)).map((r) => r.part);

  beforeAll(async () => {
    t = await startTelephony();
  });
  afterAll(async () => t?.close());

  it('has every month back to the past horizon and two ahead ready at first start, and a default partition', async () => {
    for (const { table } of MONTHLY_TABLES) {
      const parts = await t.env.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass ORDER BY 1`,
        [`telephony.${table}`],
      );
      const wanted = wantedMonths(table, Date.now(), P.timeZone, P.pastHorizonDays, P.partitionMonthsAhead).map((m) => m.name);
      expect(wanted.length).toBeGreaterThanOrEqual(15);
      expect(parts.map((p) => p.name)).toEqual([...wanted, `${table}_default`].sort());
    }
  });

  it('keeps eventId alone the idempotency key across months, and moves a call’s facts when a late event moves its start', async () => {
    const answered = [
      { eventId: 'pm-o', callId: 'pm-call', type: 'call.offered', occurredAt: at(30), queue: 'sales', agentId: 'A1', data: {} },
      { eventId: 'pm-a', callId: 'pm-call', type: 'call.answered', occurredAt: at(36), queue: 'sales', agentId: 'A1', data: {} },
      { eventId: 'pm-e', callId: 'pm-call', type: 'call.ended', occurredAt: at(96), data: { endedBy: 'caller' } },
    ];
    expect((await post(answered)).body).toMatchObject({ accepted: 3, duplicates: 0 });
    await t.summary('pm-call', 1);
    expect(await placed('call_facts', 'call_id = $1', ['pm-call'])).toEqual([`telephony.${monthName('call_facts', boundary)}`]);

    // The same eventId at another instant (in the previous month) is the same event: not stored twice.
    expect((await post([{ ...answered[0], occurredAt: at(-3_600) }])).body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await placed('call_event', 'event_id = $1', ['pm-o'])).toEqual([`telephony.${monthName('call_event', boundary)}`]);

    // The queue entry arrives late and puts the call's start 20 s before the month began.
    expect((await post([{ eventId: 'pm-q', callId: 'pm-call', type: 'call.queued', occurredAt: at(-20), queue: 'sales', data: {} }])).body).toMatchObject({ accepted: 1 });
    const v2 = await t.summary('pm-call', 2);
    expect(v2.queuedAt).toBe(new Date(boundary - 20_000).toISOString());
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.call_dirty`)).length === 0, 'derived');
    expect(await placed('call_facts', 'call_id = $1', ['pm-call'])).toEqual([`telephony.${monthName('call_facts', boundary - 20_000)}`]);
    expect(await placed('call_event', 'call_id = $1', ['pm-call'])).toEqual([
      `telephony.${monthName('call_event', boundary - 20_000)}`,
      ...Array(3).fill(`telephony.${monthName('call_event', boundary)}`),
    ].sort());
    expect(await placed('call_leg', 'call_id = $1', ['pm-call'])).toEqual([`telephony.${monthName('call_leg', boundary)}`]);
    const call = await request(t.url).get('/v1/calls/pm-call').set('Authorization', `Bearer ${t.token(['supervisor'])}`);
    expect(call.status).toBe(200);
    expect(call.body.facts).toMatchObject({ version: 2, queuedAt: new Date(boundary - 20_000).toISOString() });
    expect(call.body.events).toHaveLength(4);
  });

  it('moves rows the default partition caught into their month when the keeper creates it', async () => {
    const last = wantedMonths('call_event', Date.now(), P.timeZone, P.pastHorizonDays, P.partitionMonthsAhead).at(-1)!;
    await t.env.query(`ALTER TABLE telephony.call_event DETACH PARTITION telephony.${last.name}`);
    await t.env.query(`DROP TABLE telephony.${last.name}`);
    await t.env.query(
      `INSERT INTO telephony.call_event (event_id, call_id, type, occurred_at, source, event) VALUES ('pm-late', 'pm-late', 'call.queued', $1, 'api', '{}')`,
      [new Date(last.from + 86_400_000).toISOString()],
    );
    expect(await placed('call_event', `event_id = 'pm-late'`, [])).toEqual(['telephony.call_event_default']);
    const created = await t.app.get(PartitionKeeper).ensure();
    expect(created.map((c) => c.name)).toEqual([last.name]);
    expect(await placed('call_event', `event_id = 'pm-late'`, [])).toEqual([`telephony.${last.name}`]);
    expect(await t.env.query(`SELECT 1 FROM telephony.call_event_default`)).toEqual([]);
    expect(await t.app.get(PartitionKeeper).ensure()).toEqual([]);
  });

  it('forgets event ids past the horizon, when no event that old would be accepted anyway', async () => {
    await t.env.query(`INSERT INTO telephony.call_event_id (event_id, occurred_at) VALUES ('pm-ancient', now() - interval '402 days'), ('pm-recent', now() - interval '399 days')`);
    expect(await t.app.get(PartitionKeeper).forgetExpiredEventIds()).toBe(1);
    expect((await t.env.query<{ event_id: string }>(`SELECT event_id FROM telephony.call_event_id WHERE event_id LIKE 'pm-%ent' ORDER BY 1`)).map((r) => r.event_id)).toEqual(['pm-recent']);
  });

  it('lists the partitions with their local bounds for an administrator, and no one else', async () => {
    const get = (roles: Parameters<TelephonyHarness['token']>[0]) => request(t.url).get('/v1/admin/partitions').set('Authorization', `Bearer ${t.token(roles)}`);
    expect((await get(['supervisor'])).status).toBe(403);
    const res = await get(['admin']);
    expect(res.status).toBe(200);
    const month = DateTime.fromMillis(boundary, { zone: P.timeZone });
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toContainEqual({
      table: 'call_facts', partition: monthName('call_facts', boundary), rowsEstimate: expect.any(Number),
      from: month.toISO(), to: month.plus({ months: 1 }).toISO(),
    });
    expect(res.body.items).toContainEqual({ table: 'call_leg', partition: 'call_leg_default', from: null, to: null, rowsEstimate: expect.any(Number) });
    // By table, then by name (months in order, the default first), a page at a time.
    const names = res.body.items.map((p: { table: string; partition: string }) => `${p.table}/${p.partition}`);
    expect(names).toEqual([...names].sort());
    expect(names.filter((n: string) => n.startsWith('call_leg/'))[0]).toBe('call_leg/call_leg_default');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(t.url).get(`/v1/admin/partitions?limit=5${cursor === null ? '' : `&cursor=${cursor}`}`).set('Authorization', `Bearer ${t.token(['admin'])}`);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      paged.push(...page.body.items.map((p: { table: string; partition: string }) => `${p.table}/${p.partition}`));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(names);
  });
});

describe('the partitioning migration on data stored before it', () => {
  let db: TestDatabase;
  let c: Client;
  const migrations = (n: number) => createServiceDataSource({ url: db.url, schema: 'telephony', migrations: TELEPHONY_MIGRATIONS.slice(0, n) });
  const before = TELEPHONY_MIGRATIONS.findIndex((m) => m.name === 'MonthlyPartitions1763800000600');
  // October and November 2026 in Shanghai; 31 Oct 23:59:50 local is still October.
  const instants = ['2026-10-05T09:00:00+08:00', '2026-10-31T23:59:50+08:00', '2026-11-01T00:00:10+08:00'];

  beforeAll(async () => {
    db = await createTestDatabase();
    const old = migrations(before);
    await old.initialize();
    await old.query('CREATE SCHEMA IF NOT EXISTS telephony');
    await runServiceMigrations(old);
    for (const [i, instant] of instants.entries()) {
      await old.query(`INSERT INTO telephony.call_event (event_id, call_id, type, occurred_at, source, event) VALUES ($1, $1, 'call.queued', $2, 'api', '{}')`, [`e${i}`, instant]);
      await old.query(
        `INSERT INTO telephony.call_facts (call_id, version, hash, facts, open, first_event_at, last_event_at, policy_version) VALUES ($1, 1, 'h', '{}', false, $2, $2, 'p')`,
        [`e${i}`, instant],
      );
      await old.query(
        `INSERT INTO telephony.call_leg (call_id, leg_index, agent_id, at, answered, missed, ring_limit_exceeded, hold_ms, hold_count, long_hold, transferred)
         VALUES ($1, 0, 'A1', $2, true, false, false, 0, 0, false, false)`,
        [`e${i}`, instant],
      );
    }
    await old.destroy();
    const all = migrations(before + 1);
    await all.initialize();
    await runServiceMigrations(all);
    await all.destroy();
    c = new Client({ connectionString: db.url });
    await c.connect();
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  it('copies every row into the month partition of the policy’s zone, keys widened', async () => {
    for (const { table } of MONTHLY_TABLES) {
      const rows = (await c.query(`SELECT call_id, tableoid::regclass::text AS part FROM telephony.${table} ORDER BY call_id`)).rows;
      expect(rows).toEqual([
        { call_id: 'e0', part: `telephony.${table}_y2026m10` },
        { call_id: 'e1', part: `telephony.${table}_y2026m10` },
        { call_id: 'e2', part: `telephony.${table}_y2026m11` },
      ]);
    }
    const pk = await c.query(`SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'p' AND conrelid::regclass::text IN ('telephony.call_facts', 'telephony.call_leg', 'telephony.call_event_id') ORDER BY 1`);
    expect(pk.rows).toEqual([
      { t: 'telephony.call_event_id', def: 'PRIMARY KEY (event_id)' },
      { t: 'telephony.call_facts', def: 'PRIMARY KEY (call_id, first_event_at)' },
      { t: 'telephony.call_leg', def: 'PRIMARY KEY (call_id, leg_index, at)' },
    ]);
    expect((await c.query(`SELECT event_id FROM telephony.call_event_id ORDER BY 1`)).rows.map((r) => r.event_id)).toEqual(['e0', 'e1', 'e2']);
  });

  it('reverts to plain tables with every row', async () => {
    const ds = migrations(before + 1);
    await ds.initialize();
    await revertLastMigration(ds);
    const kinds = await ds.query(`SELECT relname, relkind FROM pg_class WHERE relname IN ('call_event', 'call_facts', 'call_leg') ORDER BY 1`);
    const counts = await ds.query(`SELECT (SELECT count(*) FROM telephony.call_event)::int AS e, (SELECT count(*) FROM telephony.call_leg)::int AS l`);
    await runServiceMigrations(ds);
    await ds.destroy();
    expect(kinds).toEqual([{ relname: 'call_event', relkind: 'r' }, { relname: 'call_facts', relkind: 'r' }, { relname: 'call_leg', relkind: 'r' }]);
    expect(counts).toEqual([{ e: 3, l: 3 }]);
  });
});
