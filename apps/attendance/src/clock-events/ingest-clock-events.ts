import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { clockEventOf, type ClockEvent } from '../domain/days/clock-event';
import { atIndex, type RejectedItem } from '../domain/input/item-errors';
import { checkItems } from '../http/request-items';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStore } from '../store/agent.store';
import { ClockEventStore } from '../store/clock-event.store';
import { RosterStore } from '../store/roster.store';
import { ClockEventCommand } from './clock-event.command';

export interface IngestClockResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedItem[];
  /** Closed days that a late event touched: they re-close, re-published if their decision changes. */
  reopenedDays: number;
}

/**
 * Stores clock events idempotently by eventId, in one transaction with marking the closed days
 * whose window a late event falls in. Events are matched to shifts when days close, from the raw
 * events, so arrival order never matters.
 */
@Injectable()
export class IngestClockEvents {
  constructor(
    private readonly scope: TransactionScope,
    private readonly events: ClockEventStore,
    private readonly agents: AgentStore,
    private readonly rosters: RosterStore,
    private readonly policy: AttendancePolicyStore,
  ) {}

  async execute(items: unknown[], pre: RejectedItem[] = [], now = Date.now()): Promise<IngestClockResult> {
    const policy = (await this.policy.current()).values;
    const checked = checkItems(ClockEventCommand, items, 'events', new Set(pre.map((r) => r.index)));
    const rejected = [...pre, ...checked.rejected.map((r) => ({ ...r, id: idOf(items[r.index]) }))];
    const parsed: Array<{ index: number; event: ClockEvent }> = [];
    for (const { index, value } of checked.accepted) {
      const r = clockEventOf(value, now, policy);
      if ('errors' in r) rejected.push({ index, id: value.eventId, code: 'ATTENDANCE.INVALID', errors: atIndex(r.errors, 'events', index) });
      else parsed.push({ index, event: r.event });
    }
    return this.scope.run(async () => {
      const agents = await this.agents.find(parsed.map((p) => p.event.agentId));
      const valid: ClockEvent[] = [];
      for (const { index, event } of parsed) {
        if (agents.has(event.agentId)) valid.push(event);
        else rejected.push({ index, id: event.eventId, code: 'ATTENDANCE.UNKNOWN_AGENT', errors: atIndex([{ path: 'agentId', message: `no agent ${event.agentId}` }], 'events', index) });
      }
      const unique = [...new Map(valid.map((e) => [e.eventId, e])).values()];
      const fresh = await this.events.append(unique);
      const reopenedDays = await this.rosters.markTouchedBy(fresh);
      return { accepted: fresh.length, duplicates: valid.length - fresh.length, rejected: rejected.sort((a, b) => a.index - b.index), reopenedDays };
    });
  }
}

/** The sender's id of a refused event, when it gave one as text (the report names it). */
function idOf(raw: unknown): string | undefined {
  const id = (raw as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' ? id : undefined;
}
