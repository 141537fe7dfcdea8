import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCallFacts } from '../domain/facts/derive-call-facts';
import { DEFAULT_TELEPHONY_POLICY as P } from '../domain/telephony-policy';
import { validateCallEvents } from '../domain/events/validate-call-event';
import { parseConnectCtrs } from './amazon-connect-ctr';

const records: unknown[] = JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/amazon-connect-ctrs.golden.json'), 'utf8'));
const result = parseConnectCtrs(records);
const { valid, rejected } = validateCallEvents(result.events);
const facts = (callId: string) => deriveCallFacts(valid.filter((e) => e.callId === callId), P);
const at = (iso: string) => Date.parse(iso);

describe('parseConnectCtrs on the golden records', () => {
  it('accounts for every record: 1 superseded, 1 chat ignored, 2 unparseable', () => {
    expect(rejected).toEqual([]);
    expect(result.counts).toEqual({ records: 7, superseded: 1, 'call.queued': 2, 'call.offered': 2, 'call.answered': 2,
      'call.ended': 3, 'call.wrapup.ended': 1, 'call.abandoned': 1 });
    expect(result.ignored).toEqual([{ line: 5, verb: 'Channel CHAT' }]);
    expect(result.unparseable).toEqual([
      { line: 6, reason: 'Agent.ConnectedToAgentTimestamp is not an ISO-8601 instant with offset' },
      { line: 7, reason: 'not a contact trace record (no ContactId)' },
    ]);
    expect(result.agentStates).toEqual([]);
  });

  it('keeps the newest version of c-aaa whatever the order, with deterministic ids', () => {
    expect(parseConnectCtrs([...records].reverse()).events.sort((a, b) => a.eventId.localeCompare(b.eventId)))
      .toEqual([...result.events].sort((a, b) => a.eventId.localeCompare(b.eventId)));
    expect(result.events.filter((e) => e.callId === 'c-aaa').map((e) => e.eventId)).toEqual(
      ['ctr-c-aaa-queued', 'ctr-c-aaa-offered', 'ctr-c-aaa-answered', 'ctr-c-aaa-ended', 'ctr-c-aaa-wrapup']);
    expect(result.events.find((e) => e.eventId === 'ctr-c-aaa-ended')?.data)
      .toEqual({ endedBy: 'caller', holdMs: 45_000, holdCount: 2, longestHoldMs: 30_000, talkMs: 240_000 }); // 240 s from the newer record
  });

  it('c-aaa: waited 12 s, talked 240 s, held 45 s in 2 holds (longest 30 s) by the reported totals, wrap-up 30 s', () => {
    expect(facts('c-aaa')).toMatchObject({
      queue: 'sales', direction: 'inbound', callerId: '+8613800000001', queuedAt: at('2026-10-05T01:00:00Z'),
      waitMs: 12_000, answered: true, endedBy: 'caller', endedAt: at('2026-10-05T01:04:57Z'),
      legs: [{ agentId: 'A1001', offeredAt: at('2026-10-05T01:00:12Z'), answeredAt: at('2026-10-05T01:00:12Z'),
        ringMs: 0, rings: 0, talkMs: 240_000, holdMs: 45_000, holdCount: 2, longestHoldMs: 30_000, longHold: false,
        wrapUpMs: 30_000, endedBy: 'caller' }], // ACW end 01:05:27 − disconnect 01:04:57
    });
  });

  it('c-bbb: queued with no agent → abandoned (hangup) after Queue.Duration 75 s; flow disconnect → ended by system', () => {
    expect(facts('c-bbb')).toMatchObject({ abandoned: { reason: 'hangup', waitMs: 75_000 }, waitMs: 75_000,
      abandonedAfterTarget: true, answered: false, endedBy: 'system', endedAt: at('2026-10-05T01:11:15Z'), legs: [] });
  });

  it('c-ccc: outbound, agent id from the ARN, 150 s single hold is a long hold', () => {
    expect(facts('c-ccc')).toMatchObject({ direction: 'outbound', queue: 'outbound', queuedAt: null, waitMs: null, callerId: null,
      endedBy: 'agent', legs: [{ agentId: '7f3c-agent-uuid', talkMs: 300_000, holdMs: 150_000, holdCount: 1,
        longestHoldMs: 150_000, longHold: true, wrapUpMs: null }] });
  });
});
