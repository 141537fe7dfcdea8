import fc from 'fast-check';
import request from 'supertest';
import { anyJson, hostileEvent, validEvent } from '../src/domain/testing/arbitraries';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/**
 * Issue 12: for any generated request the answer is 2xx or 4xx with the contract's error body,
 * never 5xx, and every valid item in it is stored exactly once. Modest run counts: each run is a
 * real HTTP request against the real database.
 */
describe('the HTTP endpoints under generated input (fast-check, real NATS and PostgreSQL)', () => {
  let t: TelephonyHarness;
  const send = (path: string, body: string, type: string) =>
    request(t.url).post(path).set('Authorization', `Bearer ${t.token()}`).set('Content-Type', type).send(body);
  const expectContract = (res: request.Response) => {
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.body).toEqual(expect.objectContaining({ error: expect.any(String), message: expect.any(String), details: expect.any(Array) }));
    }
  };

  beforeAll(async () => {
    t = await startTelephony();
  });
  afterAll(async () => t?.close());

  it('POST /v1/call-events (JSON and NDJSON): valid items stored exactly once, whatever surrounds them', async () => {
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.array(validEvent(now, 'fz'), { maxLength: 5 }),
        fc.array(fc.oneof(hostileEvent(now, 'fh'), anyJson), { maxLength: 5 }),
        fc.boolean(),
        fc.nat(),
        async (valid, junk, ndjson, seed) => {
          const items: unknown[] = [...junk];
          valid.forEach((v, i) => items.splice((seed + i * 7) % (items.length + 1), 0, v));
          const body = ndjson ? items.map((i) => JSON.stringify(i) ?? 'null').join('\n') : JSON.stringify(items);
          const res = await send('/v1/call-events', body, ndjson ? 'application/x-ndjson' : 'application/json');
          expectContract(res);
          if (valid.length > 0) {
            expect(res.status).toBe(202);
            const ids = valid.map((v) => v.eventId);
            const rows = await t.env.query<{ event_id: string; n: number }>(
              `SELECT event_id, count(*)::int AS n FROM telephony.call_event WHERE event_id = ANY($1::text[]) GROUP BY event_id`, [ids]);
            expect(rows.map((r) => [r.event_id, r.n]).sort()).toEqual(ids.map((id) => [id, 1]).sort());
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('POST /v1/call-events/asterisk-queue-log and /amazon-connect-ctr: never a 5xx', async () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('1|c|q|a|', '99999999999999999999|c|q|NONE|ENTERQUEUE||1|1', `${Math.floor(Date.now() / 1000)}|c|q|SIP/1|CONNECT|1|x|99999999999999`)), { minLength: 1, maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(text, async (lines) => {
        expectContract(await send('/v1/call-events/asterisk-queue-log', lines.join('\n'), 'text/plain'));
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyJson, { maxLength: 6 }), async (records) => {
        expectContract(await send('/v1/call-events/amazon-connect-ctr', JSON.stringify(records), 'application/json'));
      }),
      { numRuns: 30 },
    );
  });

  it('GET /v1/calls/{callId} and /v1/queues/stats: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), async (callId, from, to) => {
        const token = `Bearer ${t.token(['supervisor'])}`;
        expectContract(await request(t.url).get(`/v1/calls/${encodeURIComponent(callId)}`).set('Authorization', token));
        expectContract(await request(t.url).get('/v1/queues/stats').query({ from, to }).set('Authorization', token));
      }),
      { numRuns: 30 },
    );
  });
});
