import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedCallEvent } from '../domain/events/call-event';
import { CallFacts } from '../domain/facts/call-facts';
import { closeByTimeout, deriveCallFacts } from '../domain/facts/derive-call-facts';
import { computeQueueStats } from '../domain/reports/queue-stats';
import { DEFAULT_TELEPHONY_POLICY as P } from '../domain/telephony-policy';
import { validateCallEvents } from '../domain/events/validate-call-event';
import { parseQueueLog } from './asterisk-queue-log';

const text = readFileSync(join(__dirname, '../../test/fixtures/asterisk-queue_log.golden.log'), 'utf8');
const result = parseQueueLog(text);
const { valid, rejected } = validateCallEvents(result.events);
const byCall = new Map<string, ParsedCallEvent[]>();
for (const e of valid) byCall.set(e.callId, [...(byCall.get(e.callId) ?? []), e]);
const facts = (callId: string): CallFacts => deriveCallFacts(byCall.get(callId) ?? [], P);
const t = (epochSeconds: number) => epochSeconds * 1000;

describe('parseQueueLog on the golden queue_log (every verb)', () => {
  it('emits only valid canonical events: 10 queued + 5 CONNECT×2 + 2 COMPLETE + RNA×2 + RINGCANCELED + 5 exits + 3 transfers (each also ending the call)', () => {
    expect(rejected).toEqual([]);
    expect(result.events).toHaveLength(36);
    expect([...byCall.keys()]).toHaveLength(10);
  });

  it('counts every verb of a well-formed line (the bad-epoch and short lines have none)', () => {
    expect(result.counts).toEqual({
      QUEUESTART: 1, ADDMEMBER: 2, AGENTLOGIN: 1, AGENTCALLBACKLOGIN: 1, DID: 1, ENTERQUEUE: 10, CONNECT: 6,
      COMPLETECALLER: 1, COMPLETEAGENT: 1, PAUSE: 1, UNPAUSE: 1, PAUSEALL: 1, UNPAUSEALL: 1, RINGNOANSWER: 2,
      RINGCANCELED: 1, ABANDON: 1, EXITWITHTIMEOUT: 1, EXITEMPTY: 1, EXITWITHKEY: 1, SYSCOMPAT: 1, AGENTDUMP: 1,
      WITHDRAW: 1, BLINDTRANSFER: 1, ATTENDEDTRANSFER: 1, TRANSFER: 1, REMOVEMEMBER: 1, AGENTLOGOFF: 1,
      AGENTCALLBACKLOGOFF: 1, CONFIGRELOAD: 1, PENALTY: 1, INFO: 1, FOOBAR: 1,
    });
  });

  it('lists ignored verbs and unparseable lines by line number (blank line 11 skipped)', () => {
    expect(result.ignored).toEqual([
      { line: 1, verb: 'QUEUESTART' }, { line: 6, verb: 'DID' }, { line: 29, verb: 'SYSCOMPAT' }, { line: 30, verb: 'AGENTDUMP' },
      { line: 44, verb: 'CONFIGRELOAD' }, { line: 45, verb: 'PENALTY' }, { line: 46, verb: 'INFO' },
    ]);
    expect(result.unparseable).toEqual([
      { line: 47, reason: 'bad epoch "17300012x6"' },
      { line: 48, reason: 'too few fields (need epoch|callid|queue|agent|EVENT)' },
      { line: 49, reason: 'unknown event FOOBAR' },
      { line: 50, reason: 'CONNECT holdtime "abc" is not a whole number' },
      { line: 51, reason: 'RINGNOANSWER without a call id' },
    ]);
  });

  it('turns agent verbs into agent states', () => {
    expect(result.agentStates.map((s) => [s.at / 1000 - 1730000000, s.agentId, s.kind, s.queue, s.reason])).toEqual([
      [1, '1001', 'member.added', 'sales', undefined],
      [1, '1002', 'member.added', 'sales', undefined],
      [2, '1003', 'login', undefined, undefined],
      [3, '1004', 'login', undefined, undefined],
      [80, '1001', 'pause', 'sales', 'lunch'],
      [250, '1001', 'unpause', 'sales', 'lunch'],
      [260, '1002', 'pause', undefined, 'training'], // PAUSEALL: every queue
      [270, '1002', 'unpause', undefined, undefined],
      [1200, '1002', 'member.removed', 'sales', undefined],
      [1201, '1003', 'logout', undefined, undefined],
      [1202, '1004', 'logout', undefined, 'CommandLogoff'],
    ]);
    expect(result.agentStates[0].occurredAt).toBe('2024-10-27T03:33:21.000Z');
  });

  it('gives deterministic ids: same text → same ids; one line with two events gets suffixes', () => {
    expect(parseQueueLog(text)).toEqual(result);
    expect(parseQueueLog(text.replace(/\n/g, '\r\n')).events).toEqual(result.events);
    const connect = result.events.filter((e) => e.callId === '1730000005.1' && e.type !== 'call.queued').map((e) => e.eventId);
    expect(connect[0]).toMatch(/^ast-1730000005\.1-CONNECT-1730000015-[0-9a-f]{12}-offered$/);
    expect(connect[1]).toBe(connect[0].replace(/-offered$/, '-answered'));
    expect(connect[2]).toMatch(/^ast-1730000005\.1-COMPLETECALLER-1730000075-[0-9a-f]{12}$/);
  });

  it('C1 answered by 1001, ended by caller: CONNECT at …015 with ringtime 7 → offered …008, 7 000 ms = 2 rings', () => {
    expect(facts('1730000005.1')).toMatchObject({
      queue: 'sales', direction: 'inbound', callerId: '13800000001', queuedAt: t(1730000005),
      waitMs: 10_000, // CONNECT holdtime 10 s (= 015 − 005)
      answered: true, abandoned: null, endedAt: t(1730000075), endedBy: 'caller',
      legs: [{ agentId: '1001', offeredAt: t(1730000008), answeredAt: t(1730000015), endedAt: t(1730000075), ringMs: 7_000,
        rings: 2, ringLimitExceeded: false, missed: false, talkMs: 60_000, holdMs: 0, endedBy: 'caller' }], // 075 − 015
    });
  });

  it('C2 missed by 1002 (16 000 ms = 4 rings, past 15 s) then answered by 1003 (ringtime 5 → 1 ring)', () => {
    const f = facts('1730000100.3');
    expect(f).toMatchObject({ waitMs: 25_000, endedBy: 'agent', endedAt: t(1730000245) });
    expect(f.legs).toMatchObject([
      { agentId: '1002', offeredAt: t(1730000101), endedAt: t(1730000117), ringMs: 16_000, rings: 4, ringLimitExceeded: true, missed: true, talkMs: null },
      { agentId: '1003', offeredAt: t(1730000120), answeredAt: t(1730000125), ringMs: 5_000, rings: 1, missed: false, talkMs: 120_000, endedBy: 'agent' },
    ]);
  });

  it('C3 abandoned after 30 s while 1001 rang 12 000 ms (cancelled, not missed)', () => {
    const f = facts('1730000300.5');
    expect(f).toMatchObject({ abandoned: { reason: 'hangup', waitMs: 30_000 }, abandonedAfterTarget: true, answered: false, endedAt: t(1730000330) });
    expect(f.legs).toMatchObject([{ agentId: '1001', offeredAt: t(1730000318), endedAt: t(1730000330), ringMs: 12_000, rings: 3, missed: false, ringLimitExceeded: false }]);
  });

  it.each([
    ['1730000400.6', 'timeout', 90_000, true],
    ['1730000500.7', 'empty', 2_000, false],
    ['1730000600.8', 'key', 8_000, false],
    ['1730000700.9', 'withdraw', 12_000, false],
  ])('%s leaves the queue (%s) after its waittime', (callId, reason, waitMs, afterTarget) => {
    expect(facts(callId)).toMatchObject({ abandoned: { reason, waitMs }, waitMs, abandonedAfterTarget: afterTarget, legs: [] });
  });

  it('C8–C10 transfers end the agent leg with the target, and the queue call with it (ended by the agent)', () => {
    expect(facts('1730000800.10')).toMatchObject({ waitMs: 4_000, endedAt: t(1730000864), endedBy: 'agent', closedByTimeout: false, legs: [{ agentId: '1001', offeredAt: t(1730000801),
      ringMs: 3_000, rings: 1, talkMs: 60_000, transferred: true, transferTarget: '2000@from-internal', endedAt: t(1730000864), endedBy: null }] });
    expect(facts('1730000900.12')).toMatchObject({ waitMs: 20_000, legs: [{ agentId: '1002', offeredAt: t(1730000910),
      ringMs: 10_000, rings: 2, talkMs: 80_000, transferTarget: 'BRIDGE:b1-uuid' }] });
    expect(facts('1730001100.14')).toMatchObject({ waitMs: 2_000, legs: [{ agentId: '1003', offeredAt: t(1730001101),
      ringMs: 1_000, rings: 1, talkMs: 28_000, transferTarget: '3000@default' }] });
  });

  it('feeds the queue report (hand-computed, all in 11:00 Shanghai on 27 Oct 2024)', () => {
    const now = t(1730001130) + 5 * 3_600_000; // 5 h later: every call has an end, none times out
    const all = [...byCall.keys()].map((id) => closeByTimeout(facts(id), now, P));
    const report = computeQueueStats(all, { targetMs: P.serviceLevelTargetMs, timeZone: P.timeZone, from: 0, to: now });
    expect(report.hours.map((h) => h.hour)).toEqual(['2024-10-27T11']);
    expect(report.overall).toMatchObject({
      offered: 10, answered: 5, timeouts: 0, answeredWithinTarget: 4, ringNoAnswer: 1,
      abandoned: { total: 5, afterTarget: 2, hangup: 1, timeout: 1, empty: 1, key: 1, withdraw: 1 },
      averageSpeedOfAnswerMs: 12_200, // (10 + 25 + 4 + 20 + 2) s / 5
      talk: { totalMs: 348_000, averageMs: 69_600 }, // 60 + 120 + 60 + 80 + 28 s
      averageRingMs: 7_714, // (7 + 16 + 5 + 12 + 3 + 10 + 1) s / 7 = 7.714 s
      serviceLevel: { ofAnswered: 0.8, ofAnsweredAndAbandoned: 0.4, ofAnsweredAndAbandonedAfterTarget: 0.5714 }, // 4/5, 4/10, 4/7
    });
  });
});
