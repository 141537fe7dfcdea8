import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import type { DayClosedEvent } from '@app/contracts';
import { inTurn } from '@app/persistence';
import { cursorKey, limitOf, pageOf, type Page } from '@app/platform';
import { adherence, availableIntervals } from '../domain/days/adherence';
import type { AttendancePolicy } from '../domain/policy/attendance-policy';
import { localInstant, periodRange, periodsEndingWith } from '../domain/days/local-time';
import { summarizeMonth, type MonthSummary } from '../domain/month/month-summary';
import { actsAsAgentOnly, assertSelf } from '../http/actor';
import { periodParam } from '../http/period';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStateStore } from '../store/agent-state.store';
import { ClockEventStore } from '../store/clock-event.store';
import { DayRecordStore } from '../store/day-record.store';
import { reachFilter } from '../store/reach';
import { RosterStore } from '../store/roster.store';
import type { SummaryQuery } from './summary.query-params';

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

  /**
   * A page of the month per agent by agentId (a supervisor: their own teams' people), or one agent's month with
   * its days in full (an agent: only their own).
   */
  async execute(q: SummaryQuery, user: AuthenticatedUser): Promise<{ period: string } & Page<AgentMonthSummary>> {
    const { period, from, to } = periodParam(q.period);
    if (q.agentId !== undefined) assertSelf(user, q.agentId);
    if (q.agentId !== undefined) await this.teams.assertReaches(user, q.agentId);
    const limit = limitOf(q);
    const [after] = (cursorKey(q, ['string']) ?? []) as string[];
    const policy = (await this.policy.current()).values;
    const window = periodsEndingWith(period, policy.awayWindowMonths);
    const one = actsAsAgentOnly(user) ? (user.agentId ?? null) : q.agentId;
    let ids: string[];
    if (one !== undefined) ids = one !== null && (after === undefined || one > after) ? [one] : [];
    else {
      const reach = reachFilter(await this.teams.reachOf(user));
      ids = await this.days.agentsOfMonth({ windowFrom: periodRange(window[0]).from, from, to, reach, after, take: limit + 1 });
    }
    const page = pageOf(ids, limit, (id) => [id]);
    return { period, items: await this.summaries({ period, from, to, window, policy }, page.items, one !== undefined), nextCursor: page.nextCursor };
  }

  private async summaries(
    month: { period: string; from: string; to: string; window: string[]; policy: AttendancePolicy },
    ids: string[],
    withDays: boolean,
  ): Promise<AgentMonthSummary[]> {
    if (ids.length === 0) return [];
    const { period, from, to, window, policy } = month;
    const monthFrom = localInstant(from, '00:00', policy.timeZone);
    const monthTo = localInstant(to, '00:00', policy.timeZone, 1);
    const [full, windowDays, roster, unrostered, states] = await inTurn(
      () => (withDays ? this.days.ofPeriod(from, to, ids[0]) : Promise.resolve([])),
      () => this.days.figuresOf(periodRange(window[0]).from, to, ids),
      () => this.rosters.ofAgents(ids, from, to),
      () => this.clocks.unrostered(ids, monthFrom, monthTo),
      () => this.states.between(ids, monthFrom, monthTo),
    );
    const windowByAgent = group(windowDays);
    const rosterByAgent = group(roster);
    return ids.map((id) => {
      const shifts = (rosterByAgent.get(id) ?? []).flatMap((r) => (r.span ? [{ from: r.span.startAt, to: r.span.endAt }] : []));
      const windowOf = windowByAgent.get(id) ?? [];
      return {
        agentId: id,
        period,
        ...summarizeMonth(windowOf.filter((d) => d.date >= from), windowOf),
        awayWindow: window,
        unrosteredClockEvents: unrostered.get(id) ?? 0,
        adherence: adherence(shifts, availableIntervals(states.get(id) ?? [], Math.min(Date.now(), monthTo))),
        ...(withDays ? { days: full } : {}),
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
