import { Injectable } from '@nestjs/common';
import { SUBJECTS } from '@app/contracts';
import { OutboxWriter, type OutboxMessage } from '@app/messaging';
import type { AttendancePolicy } from '../domain/policy/attendance-policy';
import { punchesOf } from '../domain/days/attribute-clock-events';
import { decideDay, type DayInput } from '../domain/days/decide-day';
import { leaveBreaksFullAttendance } from '../domain/days/full-attendance';
import { leaveOnDay } from '../domain/leave/leave-on-day';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { DayInputsStore } from '../store/day-inputs.store';
import { DayRecordStore, type StoredDay } from '../store/day-record.store';
import { HolidayStore } from '../store/holiday.store';
import { LeaveStore, type LeaveRecord } from '../store/leave.store';
import { RosterStore, type DayKey, type RosterDay } from '../store/roster.store';
import { SwapStore } from '../store/swap.store';
import { decisionHash, swapMissedViolation, toDayClosedEvent, toViolationEvent } from './to-day-closed-event';
import { inTurn } from '@app/persistence';

export interface CloseOptions {
  cause: 'closed' | 'corrected';
  now: number;
  correctionReason?: string;
}

/**
 * Decides roster days from everything known about them and publishes each through the outbox,
 * inside the caller's transaction. A re-close (late clock event, roster or leave change) publishes
 * the next version only when the decision changed; a correction always does, with its reason.
 * The close worker, the on-demand close and corrections all use this one piece.
 */
@Injectable()
export class DayCloser {
  constructor(
    private readonly rosters: RosterStore,
    private readonly inputs: DayInputsStore,
    private readonly leaves: LeaveStore,
    private readonly holidays: HolidayStore,
    private readonly swaps: SwapStore,
    private readonly days: DayRecordStore,
    private readonly policyStore: AttendancePolicyStore,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Closes these days (looked up and marked closed here). */
  async close(keys: DayKey[], opts: CloseOptions): Promise<StoredDay[]> {
    const roster = [...(await this.rosters.get(keys)).values()];
    const saved = await this.closeClaimed(roster, opts);
    await this.rosters.markClosed(roster);
    return saved;
  }

  /** Closes roster days already claimed and marked closed by the caller's transaction. */
  async closeClaimed(roster: RosterDay[], opts: CloseOptions): Promise<StoredDay[]> {
    if (roster.length === 0) return [];
    const policy = (await this.policyStore.current()).values;
    const agentIds = [...new Set(roster.map((r) => r.agentId))];
    const dates = roster.map((r) => r.date).sort();
    const [first, last] = [dates[0], dates[dates.length - 1]];
    const [inputs, leaves, holidays] = await inTurn(
      () => this.inputs.gather(roster),
      () => this.leaves.overlapping(agentIds, first, last, ['approved']),
      () => this.holidays.between(first, last),
    );
    const leavesOf = groupBy(leaves, (l) => l.agentId);
    const saved: StoredDay[] = [];
    const messages: OutboxMessage[] = [];
    const swapDays: SwapDay[] = [];
    for (let i = 0; i < roster.length; i++) {
      const day = roster[i];
      const { punches, otherShifts, override, current: prev } = inputs[i];
      const holiday = holidays.get(day.date);
      const agentLeaves = leavesOf.get(day.agentId);
      const input: DayInput = {
        shift: day.shift,
        span: day.span,
        punches: day.span && punches.length > 0 ? punchesOf(day.span, otherShifts, punches) : [],
        leave: agentLeaves ? leaveOn(agentLeaves, day.date, policy) : undefined,
        holiday: holiday ? { name: holiday.name, onDuty: holiday.dutyAgentIds.includes(day.agentId) } : undefined,
        swapId: day.swapId ?? undefined,
        override,
      };
      const decision = decideDay(input, policy);
      const hash = decisionHash(day.shift, decision);
      if (day.swapId) swapDays.push({ agentId: day.agentId, date: day.date, swapId: day.swapId, status: decision.status, missed: decision.violation !== undefined });
      if (prev && prev.hash === hash && opts.cause === 'closed') continue;
      const version = (prev?.version ?? 0) + 1;
      const event = toDayClosedEvent(day, decision, version, opts.cause, opts.now, opts.correctionReason ?? override?.reason);
      saved.push({ agentId: day.agentId, date: day.date, version, hash, day: event });
      messages.push({ subject: SUBJECTS.attendance.dayClosed, payload: event, messageId: event.eventId });
      const violation = toViolationEvent(day.agentId, day.date, decision, opts.now);
      if (violation) messages.push({ subject: SUBJECTS.attendance.violationRecorded, payload: violation, messageId: violation.eventId });
    }
    messages.push(...(await this.followSwaps(swapDays, opts.now)));
    await this.days.save(saved);
    await this.outbox.addMany(messages);
    return saved;
  }

  /**
   * The pay-back shift is tracked until worked; a swapped shift that was missed counts against both
   * people (rules.md §2, weighted by fault by whoever judges it): the other one gets a violation too.
   */
  private async followSwaps(days: SwapDay[], now: number): Promise<OutboxMessage[]> {
    if (days.length === 0) return [];
    const swaps = new Map((await this.swaps.byIds([...new Set(days.map((d) => d.swapId))])).map((s) => [s.swapId, s]));
    const worked = new Map<string, boolean>();
    const messages: OutboxMessage[] = [];
    for (const d of days) {
      const s = swaps.get(d.swapId);
      if (!s) continue;
      if (d.agentId === s.requesterId && d.date === s.paybackDate) worked.set(s.swapId, d.status === 'present');
      if (!d.missed) continue;
      const other = d.agentId === s.requesterId ? s.counterpartId : s.requesterId;
      const v = swapMissedViolation(other, d.date, s.swapId, d.agentId, now);
      messages.push({ subject: SUBJECTS.attendance.violationRecorded, payload: v, messageId: v.eventId });
    }
    await this.swaps.setPaybackWorked(worked);
    return messages;
  }
}

interface SwapDay {
  agentId: string;
  date: string;
  swapId: string;
  status: string;
  missed: boolean;
}

function groupBy<T>(items: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = keyOf(i);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(i);
  }
  return out;
}

function leaveOn(leaves: LeaveRecord[], date: string, policy: AttendancePolicy): DayInput['leave'] {
  const l = leaveOnDay(leaves, date);
  if (!l) return undefined;
  return { type: l.type, breaksFullAttendance: leaveBreaksFullAttendance(policy, l.types), ...(l.halfDay ? { halfDay: l.halfDay } : {}) };
}
