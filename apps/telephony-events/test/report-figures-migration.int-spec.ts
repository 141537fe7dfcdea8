import { createServiceDataSource, runServiceMigrations } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@app/persistence/testing/test-database';
import { TELEPHONY_MIGRATIONS } from '../migrations';
import { agentLegFigures } from '../src/domain/reports/agent-leg-figures';
import { closeByTimeout, deriveCallFacts } from '../src/domain/facts/derive-call-facts';
import { queueCallFigures } from '../src/domain/reports/queue-call-figures';
import { ringingSince } from '../src/domain/facts/call-predicates';
import { DEFAULT_TELEPHONY_POLICY as P } from '../src/domain/telephony-policy';
import { T0, ev } from '../src/domain/testing/call-event-builder';

/**
 * Facts stored before the report columns existed: the migrations' SQL backfill must give the same
 * figures as the domain rules the service now stores with every save.
 */
describe('the report-figure migrations on facts stored before them', () => {
  let db: TestDatabase;
  const calls = {
    answered: [ev('call.queued', 0, { id: 'q' }), ev('call.offered', 2, { id: 'o1', agentId: 'B' }), ev('call.missed', 10, { id: 'm', agentId: 'B' }),
      ev('call.offered', 12, { id: 'o2', agentId: 'A' }), ev('call.answered', 16, { id: 'a', agentId: 'A' }), ev('call.hold', 30, { id: 'h', agentId: 'A' }),
      ev('call.resumed', 50, { id: 'r', agentId: 'A' }), ev('call.ended', 100, { id: 'e', data: { endedBy: 'caller' } }), ev('call.wrapup.ended', 120, { id: 'w', agentId: 'A' })],
    abandoned: [ev('call.queued', 0, { id: 'q' }), ev('call.abandoned', 40, { id: 'x', data: { reason: 'timeout', waitMs: 40_000 } })],
    ringing: [ev('call.queued', 0, { id: 'q' }), ev('call.offered', 5, { id: 'o', agentId: 'C' })],
    outbound: [ev('call.answered', 0, { id: 'a', agentId: 'A' }), ev('call.ended', 60, { id: 'e', data: { endedBy: 'agent' } })],
  };
  const facts = Object.entries(calls).map(([callId, events]) => deriveCallFacts(events.map((e) => ({ ...e, callId, eventId: `${callId}-${e.eventId}` })), P));
  const ringingFacts = facts.find((f) => f.callId === 'ringing')!;

  beforeAll(async () => {
    db = await createTestDatabase();
    const before = createServiceDataSource({ url: db.url, schema: 'telephony', migrations: TELEPHONY_MIGRATIONS.slice(0, 3) });
    await before.initialize();
    await before.query('CREATE SCHEMA IF NOT EXISTS telephony');
    await runServiceMigrations(before);
    for (const f of facts) {
      await before.query(
        `INSERT INTO telephony.call_facts (call_id, version, hash, facts, queue, open, first_event_at, last_event_at, policy_version)
         VALUES ($1, 1, 'h', $2, $3, $4, to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), 'default-1')`,
        [f.callId, JSON.stringify(f), f.queue, f.callId === 'ringing', f.firstEventAt, f.lastEventAt],
      );
    }
    await before.destroy();
    const after = createServiceDataSource({ url: db.url, schema: 'telephony', migrations: TELEPHONY_MIGRATIONS });
    await after.initialize();
    await runServiceMigrations(after);
    await after.destroy();
  });
  afterAll(async () => db?.drop());

  it('fills the queue figures and ringing_since as the domain computes them', async () => {
    const { Client } = await import('pg');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const rows = (await c.query(`SELECT * FROM telephony.call_facts ORDER BY call_id`)).rows;
    const legs = (await c.query(`SELECT * FROM telephony.call_leg ORDER BY call_id, leg_index`)).rows;
    await c.end();
    for (const f of facts) {
      const row = rows.find((r) => r.call_id === f.callId);
      const q = queueCallFigures(f);
      expect([f.callId, row.in_queue]).toEqual([f.callId, q !== null]);
      if (q) {
        expect([f.callId, row.arrival_at.getTime(), row.wait_ms === null ? null : Number(row.wait_ms), row.answered, row.abandon_reason,
          row.abandon_wait_ms === null ? null : Number(row.abandon_wait_ms), Number(row.talk_ms), Number(row.hold_ms), row.missed_legs, Number(row.ring_sum_ms), row.ring_count])
          .toEqual([f.callId, q.arrivalAt, q.waitMs, q.answered, q.abandonReason, q.abandonWaitMs, q.talkMs, q.holdMs, q.missedLegs, q.ringSumMs, q.ringCount]);
      }
      expect([f.callId, row.ringing_since === null ? null : Number(row.ringing_since)]).toEqual([f.callId, ringingSince(f)]);
    }
    expect(ringingSince(ringingFacts)).toBe(T0 + 5_000);
    // Legs of calls that are over, as the store writes them.
    const expected = facts.filter((f) => f.callId !== 'ringing').flatMap((f) => agentLegFigures(closeByTimeout(f, T0, P)).map((l) => [f.callId, l.legIndex, l.agentId, l.at, l.answered, l.missed, l.ringMs, l.talkMs, l.holdMs, l.wrapUpMs, l.answeredAfterWaitMs]));
    const got = legs.map((l) => [l.call_id, l.leg_index, l.agent_id, l.at.getTime(), l.answered, l.missed, l.ring_ms === null ? null : Number(l.ring_ms),
      l.talk_ms === null ? null : Number(l.talk_ms), Number(l.hold_ms), l.wrap_up_ms === null ? null : Number(l.wrap_up_ms), l.answered_after_wait_ms === null ? null : Number(l.answered_after_wait_ms)]);
    expect(got).toEqual(expected.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || (a[1] as number) - (b[1] as number)));
  });
});
