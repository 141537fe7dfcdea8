import fc from 'fast-check';
import { DEFAULT_ATTENDANCE_POLICY } from '../policy/attendance-policy';
import { punchesOf, type ClockPunch } from './attribute-clock-events';
import { decideDay } from './decide-day';
import { DEFAULT_SHIFT_TYPES, shiftSpan } from './shift-type';

const policy = { ...DEFAULT_ATTENDANCE_POLICY };
const [morning, afternoon] = DEFAULT_SHIFT_TYPES;

describe('day decisions do not depend on arrival order', () => {
  it('gives the same decision for any order and any repetition of the same clock events', () => {
    const span = shiftSpan('2026-10-05', morning, policy);
    const punch = fc.record({
      type: fc.constantFrom<'in' | 'out'>('in', 'out'),
      at: fc.integer({ min: span.windowFrom, max: span.windowTo }),
    });
    fc.assert(
      fc.property(fc.array(punch, { maxLength: 8 }), fc.infiniteStream(fc.nat()), (raw, rnd) => {
        const punches: ClockPunch[] = raw.map((p, i) => ({ ...p, eventId: `e${i}` }));
        const shuffled = [...punches, ...punches.slice(0, 2)].sort(() => (rnd.next().value % 3) - 1);
        const decide = (ps: ClockPunch[]) => decideDay({ shift: 'morning', span, punches: ps }, policy);
        expect(decide(shuffled)).toEqual(decide(punches));
      }),
    );
  });

  it('gives every punch in overlapping windows to exactly one of an agent’s shifts', () => {
    const shifts = [shiftSpan('2026-10-05', morning, policy), shiftSpan('2026-10-05', afternoon, policy), shiftSpan('2026-10-06', morning, policy)];
    const lo = shifts[0].windowFrom;
    const hi = shifts[2].windowTo;
    fc.assert(
      fc.property(fc.array(fc.record({ type: fc.constantFrom<'in' | 'out'>('in', 'out'), at: fc.integer({ min: lo, max: hi }) }), { maxLength: 20 }), (raw) => {
        const punches = raw.map((p, i) => ({ ...p, eventId: `e${i}` }));
        // Ties included: a punch exactly between two shifts' references.
        punches.push({ type: 'in', at: (shifts[0].startAt + shifts[1].startAt) / 2, eventId: 'tie' });
        const owners = punches.map((p) => shifts.filter((s) => punchesOf(s, shifts, punches).includes(p)).length);
        const inSome = punches.map((p) => shifts.some((s) => p.at >= s.windowFrom && p.at <= s.windowTo));
        owners.forEach((n, i) => expect(n).toBe(inSome[i] ? 1 : 0));
      }),
    );
  });
});
