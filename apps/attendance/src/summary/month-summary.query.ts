import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import type { DayClosedEvent } from '@app/contracts';
import { adherence, availableIntervals } from '../domain/adherence';
import { localInstant, periodRange, periodsEndingWith } from '../domain/local-time';
import { summarizeMonth, type MonthSummary } from '../domain/month-summary';
import { actsAsAgentOnly, assertSelf } from '../http/actor';
import { periodParam } from '../http/period';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStateStore } from '../store/agent-state.store';
import { ClockEventStore } from '../store/clock-event.store';
import { DayRecordStore } from '../store/day-record.store';
import { RosterStore } from '../store/roster.store';
import { inTurn } from '@app/persistence';

export interface AgentMonthSummary extends MonthSummary {
  agentId: string;
  period: string;
  /** The counting window of `daysAwayInWindow`. */
  awayWindow: string[];
  /** Clock events outside every rostered window: recorded, never punished. */
  unrosteredClockEvents: number;
  /** Logged-in (telephony.agent.state) share of rostered shift time. */
  adherence: ReturnType<typeof adherence>;
  /** The day records in full, for one agent's summary; for a whole centre `records` names them by date. */
  days?: DayClosedEvent[];
}

/** The month per agent from the closed days (their latest versions), with the days behind every figure. */
@Injectable()
export class MonthSummaryQuery {
  constructor(
    private readonly days: DayRecordStore,
    private readonly rosters: RosterStore,
    private readonly clocks: ClockEventStore,
    private readonly states: AgentStateStore,
    private readonly policy: AttendancePolicyStore,
    private readonly teams: TeamScope,
  ) {}

  /** One agent's month (an agent: only their own), or every agent's (a supervisor: their own teams' people). */
  async execute(periodRaw: unknown, user: AuthenticatedUser, requested?: string): Promise<{ period: string; agents: AgentMonthSummary[] }> {
    const { period, from, to } = periodParam(periodRaw);
    if (requested !== undefined) assertSelf(user, requested);
    if (requested !== undefined) await this.teams.assertReaches(user, requested);
    const agentId = actsAsAgentOnly(user) ? (user.agentId ?? '-') : requested;
    return { period, agents: await this.teams.filter(user, await this.summaries(period, from, to, agentId), (a) => a.agentId) };
  }

  private async summaries(period: string, from: string, to: string, agentId?: string): Promise<AgentMonthSummary[]> {
    const policy = (await this.policy.current()).values;
    const window = periodsEndingWith(period, policy.awayWindowMonths);
    const monthFrom = localInstant(from, '00:00', policy.timeZone);
    const monthTo = localInstant(to, '00:00', policy.timeZone, 1);
    const [full, windowDays, roster, unrostered, states] = await inTurn(
      () => (agentId ? this.days.ofPeriod(from, to, agentId) : Promise.resolve([])),
      () => this.days.figuresOf(periodRange(window[0]).from, to, agentId),
      () => this.rosters.inPeriod(from, to, undefined, agentId),
      () => this.clocks.unrostered(agentId ?? null, monthFrom, monthTo),
      () => this.states.between(agentId ? [agentId] : null, monthFrom, monthTo),
    );
    const windowByAgent = group(windowDays);
    const byAgent = new Map([...windowByAgent].map(([id, days]) => [id, days.filter((d) => d.date >= from)]));
    const ids = agentId ? [agentId] : [...new Set([...byAgent.keys(), ...roster.map((r) => r.agentId)])].sort();
    return ids.map((id) => {
      const shifts = roster.filter((r) => r.agentId === id && r.span).map((r) => ({ from: r.span!.startAt, to: r.span!.endAt }));
      return {
        agentId: id,
        period,
        ...summarizeMonth(byAgent.get(id) ?? [], windowByAgent.get(id) ?? []),
        awayWindow: window,
        unrosteredClockEvents: unrostered.get(id) ?? 0,
        adherence: adherence(shifts, availableIntervals(states.get(id) ?? [], Math.min(Date.now(), monthTo))),
        ...(agentId ? { days: full } : {}),
      };
    });
  }
}

function group<T extends { agentId: string }>(days: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of days) {
    if (!out.has(d.agentId)) out.set(d.agentId, []);
    out.get(d.agentId)!.push(d);
  }
  return out;
}
