import { agentLiveState, AgentLiveStateName, LatestCallActivity, LatestPresence } from './agent-live-state';
import { queueStatsOf } from './queue-stats-tally';
import { QueueTotals, emptyTotals } from './queue-totals';
import { localIso } from './report-window';

export interface QueueLive {
  queue: string;
  /** Calls in the queue now, and how long the one waiting longest has waited. */
  waiting: number;
  longestWaitMs: number | null;
  /** Answered calls not yet ended. */
  inProgress: number;
  today: { offered: number; answered: number; abandoned: number; answeredWithinTarget: number; serviceLevel: ReturnType<typeof queueStatsOf>['serviceLevel'] };
}

export interface AgentLive { agentId: string; state: AgentLiveStateName; since: string; reason?: string; callId?: string }

export interface LiveReport {
  at: string;
  timeZone: string;
  targetMs: number;
  queues: QueueLive[];
  agents: AgentLive[];
}

export interface LiveInputs {
  now: number;
  timeZone: string;
  targetMs: number;
  waiting: Array<{ queue: string; waiting: number; oldestArrivalAt: number | null; inProgress: number }>;
  today: Map<string, QueueTotals>;
  calls: Map<string, LatestCallActivity>;
  presence: Map<string, LatestPresence>;
}

const byName = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The wallboard: per queue now and today so far, per agent the state now and since when. */
export function liveReport(i: LiveInputs): LiveReport {
  const queues = new Set([...i.waiting.map((w) => w.queue), ...i.today.keys()]);
  const waitingOf = new Map(i.waiting.map((w) => [w.queue, w]));
  const agents = [...new Set([...i.calls.keys(), ...i.presence.keys()])]
    .map((id) => agentLiveState(id, i.calls.get(id) ?? null, i.presence.get(id) ?? null))
    .filter((s) => s !== null)
    .map(({ since, ...rest }) => ({ ...rest, since: localIso(since, i.timeZone) }));
  return {
    at: localIso(i.now, i.timeZone),
    timeZone: i.timeZone,
    targetMs: i.targetMs,
    queues: [...queues].sort().map((queue) => {
      const w = waitingOf.get(queue);
      const stats = queueStatsOf(i.today.get(queue) ?? emptyTotals(), 1, 0);
      return {
        queue,
        waiting: w?.waiting ?? 0,
        longestWaitMs: w?.oldestArrivalAt == null ? null : Math.max(0, i.now - w.oldestArrivalAt),
        inProgress: w?.inProgress ?? 0,
        today: { offered: stats.offered, answered: stats.answered, abandoned: stats.abandoned.total, answeredWithinTarget: stats.answeredWithinTarget, serviceLevel: stats.serviceLevel },
      };
    }),
    agents: agents.sort(byName((a) => a.agentId)),
  };
}
