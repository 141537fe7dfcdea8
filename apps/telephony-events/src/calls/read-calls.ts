import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import type { CallSummarizedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { agentViewOf } from '../domain/facts/agent-view';
import type { ParsedCallEvent } from '../domain/events/call-event';
import { textProblem } from '../domain/events/call-event-limits';
import { reportWindow } from '../domain/reports/report-window';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallEventStore } from '../store/call-event.store';
import { CallFactsStore } from '../store/call-facts.store';
import { toSummarizedEvent } from '../summarize/to-summarized-event';
import { TelephonyErrors } from '../telephony.errors';

export interface CallView { facts: CallSummarizedEvent; events: ParsedCallEvent[] }
export type CallPage = Page<CallSummarizedEvent>;
export interface ListCallsQuery { agentId?: string; from: string; to: string; limit?: number; cursor?: string }

/** An agent is anyone whose only role is agent: they see their own legs only. */
const onlyAgent = (user: AuthenticatedUser) => user.roles.every((r) => r === 'agent');

/**
 * Reading calls: one call with the events behind it, or a page of calls. Supervisors and QA see
 * everything; an agent sees only calls they have a leg in, and of those only the queue part and
 * their own legs (scorecards link here to explain every call-based figure).
 */
@Injectable()
export class ReadCalls {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly events: CallEventStore,
    private readonly policy: TelephonyPolicyStore,
    private readonly scope: TransactionScope,
    private readonly teams: TeamScope,
  ) {}

  async one(callId: string, user: AuthenticatedUser): Promise<CallView> {
    const { values } = await this.policy.current();
    const problem = textProblem(callId, 'callId', values.idMaxLength);
    if (problem) throw TelephonyErrors.badCallId(problem.message);
    const { stored, events } = await this.scope.run(async () => {
      const s = await this.facts.get(callId);
      return { stored: s, events: s ? ((await this.events.eventsOfCalls([callId])).get(callId) ?? []) : [] };
    });
    if (!stored) throw TelephonyErrors.callNotFound(callId);
    events.sort((a, b) => a.at - b.at || a.eventId.localeCompare(b.eventId));
    if (!onlyAgent(user)) return { facts: toSummarizedEvent(stored.facts, stored.version, stored.policyVersion), events };
    // Another agent's call does not exist as far as this agent can tell.
    const view = user.agentId === undefined ? null : agentViewOf(stored.facts, events, user.agentId);
    if (!view) throw TelephonyErrors.callNotFound(callId);
    return { facts: toSummarizedEvent(view.facts, stored.version, stored.policyVersion), events: view.events };
  }

  async page(q: ListCallsQuery, user: AuthenticatedUser): Promise<CallPage> {
    const { values } = await this.policy.current();
    const agentId = onlyAgent(user) ? (q.agentId ?? user.agentId) : q.agentId || undefined;
    if (onlyAgent(user) && (agentId === undefined || agentId !== user.agentId)) throw TelephonyErrors.forbiddenAgent();
    // One agent's calls: a supervisor or QA inspector asks for their own teams' people (calls as a whole stay open to them).
    if (!onlyAgent(user) && agentId !== undefined) await this.teams.assertReaches(user, agentId);
    const window = reportWindow(q.from, q.to, values.timeZone, values.reportMaxWindowDays);
    if ('problem' in window) throw TelephonyErrors.window(window);
    // Where the previous page ended: (the call's instant, its id), 400 REQUEST.INVALID_CURSOR for anything else.
    const key = cursorKey(q, ['instant', 'string']);
    const limit = limitOf(q);
    const rows = await this.scope.run(() =>
      this.facts.page({
        agentId, from: new Date(window.from), to: new Date(window.to), limit: limit + 1,
        after: key && { at: key[0] as number, callId: key[1] as string },
      }),
    );
    return mapPage(pageOf(rows, limit, (r) => [r.at, r.stored.callId]), ({ stored }) => {
      const facts = onlyAgent(user) ? { ...stored.facts, legs: stored.facts.legs.filter((l) => l.agentId === agentId) } : stored.facts;
      return toSummarizedEvent(onlyAgent(user) ? { ...facts, sourceEventIds: [] } : facts, stored.version, stored.policyVersion);
    });
  }
}
