import fc from 'fast-check';
import { anyJson } from '../domain/testing/arbitraries';
import { parseConnectCtrs } from './amazon-connect-ctr';
import { parseQueueLog } from './asterisk-queue-log';

const VERBS = ['ENTERQUEUE', 'CONNECT', 'RINGNOANSWER', 'RINGCANCELED', 'COMPLETECALLER', 'ABANDON', 'EXITWITHKEY', 'WITHDRAW', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'PAUSE', 'ADDMEMBER', 'INFO', 'FOO', ''];
const field = fc.oneof(
  fc.constantFrom('', 'NONE', '1', '0', '99999999999999', '99999999999999999999', '253402300800', '1730000015.5', '-5', 'SIP/1001', 'x\u0000y', 'LINK'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const line = fc.tuple(field, field, field, field, fc.constantFrom(...VERBS), fc.array(field, { maxLength: 4 })).map(
  ([epoch, callId, queue, agent, verb, data]) => [epoch, callId, queue, agent, verb, ...data].join('|'),
);

describe('the adapters under generated input (fast-check)', () => {
  it('parseQueueLog never throws, accounts for every non-blank line, and dates every event', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.string({ unit: 'binary', maxLength: 30 })), { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const r = parseQueueLog(text);
        const nonBlank = text.split('\n').filter((l) => l.replace(/\r$/, '').trim() !== '').length;
        // A line is counted under its verb, reported unparseable, or both (a known verb with bad fields).
        const accounted = new Set([...r.unparseable.map((u) => u.line), ...r.ignored.map((i) => i.line)]).size + Object.values(r.counts).reduce((a, b) => a + b, 0);
        expect(accounted).toBeGreaterThanOrEqual(nonBlank);
        for (const e of r.events) expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('parseConnectCtrs never throws, whatever the records', () => {
    const record = fc.record({ ContactId: fc.oneof(fc.string({ maxLength: 8 }), anyJson), Channel: fc.constantFrom('VOICE', undefined, 'CHAT'),
      LastUpdateTimestamp: fc.oneof(fc.constant('2026-11-01T00:00:00Z'), anyJson), DisconnectTimestamp: fc.oneof(fc.constant('2026-11-01T00:05:00Z'), anyJson),
      Agent: anyJson, Queue: anyJson, DisconnectReason: anyJson }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(fc.oneof(record, anyJson), { maxLength: 10 }), (records) => {
        const r = parseConnectCtrs(records);
        expect(r.counts.records).toBe(records.length);
      }),
      { numRuns: 300 },
    );
  });
});
