import fc from 'fast-check';
import { anyJson, hostileEvent, validEvent } from '../testing/arbitraries';
import { DEFAULT_TELEPHONY_POLICY as P } from '../telephony-policy';
import { validateCallEvents } from './validate-call-event';

const NOW = Date.parse('2026-11-23T00:00:00Z');
const rules = { limits: P, now: NOW };
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

describe('validateCallEvents under generated input (fast-check)', () => {
  it('never throws; every item is either valid or rejected by its own index', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyJson, hostileEvent(NOW, 'h'), validEvent(NOW, 'v')), { maxLength: 20 }), (items) => {
        const { valid, rejected } = validateCallEvents(items, rules);
        expect(valid.length + rejected.length).toBe(items.length);
        expect(new Set(rejected.map((r) => r.index)).size).toBe(rejected.length);
        for (const r of rejected) {
          expect(r.errors.length).toBeGreaterThan(0);
          if (r.eventId !== undefined) expect(r.eventId).toMatch(PRINTABLE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every valid event, and whatever it accepts is within the policy bounds', () => {
    fc.assert(
      fc.property(fc.array(validEvent(NOW, 'v'), { minLength: 1, maxLength: 10 }), (items) => {
        expect(validateCallEvents(items, rules).rejected).toEqual([]);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(hostileEvent(NOW, 'h'), (item) => {
        for (const e of validateCallEvents([item], rules).valid) {
          for (const s of [e.eventId, e.callId, e.agentId ?? '', e.queue ?? '']) expect(s.length <= P.idMaxLength && PRINTABLE.test(s)).toBe(true);
          expect(e.at).toBeLessThanOrEqual(NOW + P.futureToleranceMs);
          for (const v of Object.values(e.data)) if (typeof v === 'number') expect(v).toBeLessThanOrEqual(P.maxReportedDurationMs);
        }
      }),
      { numRuns: 300 },
    );
  });
});
