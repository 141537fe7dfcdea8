import { ABANDON_REASONS, RATINGS } from '../domain/events/call-event';
import { arr, counts, enumOf, int, iso, nullable, num, obj, page, str, type Schema } from './schema-kit';

const fieldError = obj({ path: str(undefined, { example: 'events[3].data.ringMs' }), message: str(), code: str('stable code of a policy bound, e.g. TELEPHONY.NUMBER_OUT_OF_RANGE') }, ['code']);
const rejected = obj({ index: int('position in the request'), eventId: str('when the item had a readable one'), errors: arr(fieldError) }, ['eventId']);

export const INGEST_RESULT: Schema = obj({ accepted: int('newly stored'), duplicates: int('seen before (same eventId)'), rejected: arr(rejected) });
export const INGEST_EXAMPLE = { accepted: 3, duplicates: 1, rejected: [{ index: 2, eventId: 'src-7', errors: [{ path: 'events[2].agentId', message: 'agentId is required for call.answered' }] }] };

const problem = obj({ line: int('1-based line (or record position)'), reason: str() });
export const IMPORT_REPORT: Schema = obj({
  accepted: int(), duplicates: int(), rejected: arr(rejected, 'the first 100'), rejectedCount: int(),
  counts: counts('items seen, by verb (queue_log) or kind (CTR)'),
  ignored: arr(obj({ line: int(), verb: str() }), 'the first 100 lines understood and deliberately not used'), ignoredCount: int(),
  unparseable: arr(problem, 'the first 100'), unparseableCount: int(),
  agentStates: obj({ accepted: int(), duplicates: int() }),
});

const ms = (d?: string) => nullable(int(d));
const serviceLevel = obj({ ofAnswered: nullable(num()), ofAnsweredAndAbandoned: nullable(num()), ofAnsweredAndAbandonedAfterTarget: nullable(num()) });
const queueStats = obj({
  offered: int(), answered: int(),
  abandoned: obj({ total: int(), afterTarget: int(), ...Object.fromEntries(ABANDON_REASONS.map((r) => [r, int()])) }),
  timeouts: int('calls closed by the call timeout'), answeredWithinTarget: int('wait ≤ target'), averageSpeedOfAnswerMs: ms(),
  talk: obj({ totalMs: int(), averageMs: ms() }), hold: obj({ totalMs: int(), averageMs: ms() }), serviceLevel,
  ringNoAnswer: int(), averageRingMs: ms(),
  waitDistribution: arr(obj({ fromMs: int(), toMs: int(), calls: int(), answered: int(), abandoned: int() }), 'waits in (fromMs, toMs]; the first bin includes 0'),
  answeredWithin: arr(obj({ withinMs: int(), answered: int(), ofAnswered: nullable(num()) }), 'cumulative: answered with a wait ≤ withinMs'),
});
export const QUEUE_STATS_REPORT: Schema = obj({
  from: iso('with the policy zone offset'), to: iso(), timeZone: str(undefined, { example: 'Asia/Shanghai' }), targetMs: int(), binMs: int(),
  overall: queueStats,
  days: arr({ allOf: [obj({ day: str('yyyy-MM-dd local') }), queueStats] }),
  hours: arr({ allOf: [obj({ hour: str("yyyy-MM-dd'T'HH local") }), queueStats] }),
});

export const AGENT_STATS_PAGE: Schema = page(
  obj({
    agentId: str(), offered: int('legs: each offer counts'), answered: int(), ringNoAnswer: int(), ringLimitExceeded: int(), averageRingMs: ms(),
    talk: obj({ totalMs: int(), averageMs: ms() }), hold: obj({ totalMs: int(), averageMs: ms(), count: int(), longHolds: int() }),
    wrapUp: obj({ totalMs: int(), averageMs: ms() }), transferred: int(), averageMos: nullable(num()),
    ratings: obj(Object.fromEntries(RATINGS.map((r) => [r, int()]))),
    answersByWait: arr(obj({ fromMs: int(), toMs: int(), answered: int(), answeredWithin: int() }), 'the same bins for every agent of the window, on every page'),
  }),
  { from: iso(), to: iso(), timeZone: str(), binMs: int() },
  'Agents in id order',
);

export const LIVE_REPORT: Schema = obj({
  at: iso(), timeZone: str(), targetMs: int(),
  queues: arr(obj({
    queue: str(), waiting: int('calls in the queue now'), longestWaitMs: ms(), inProgress: int('answered, not ended'),
    today: obj({ offered: int(), answered: int(), abandoned: int(), answeredWithinTarget: int(), serviceLevel }),
  })),
  agents: arr(obj({
    agentId: str(), state: enumOf(['logged-out', 'idle', 'ringing', 'talking', 'on-hold', 'wrap-up', 'paused']), since: iso(),
    reason: str('pause reason'), callId: str(),
  }, ['reason', 'callId'])),
});

export const DERIVATION_FAILURES: Schema = page(
  obj({ callId: str(), attempts: int(), lastError: str(), firstFailedAt: iso(), lastFailedAt: iso(), setAsideAt: nullable(iso()), timesSetAside: int() }),
  { total: int('calls set aside now, on every page') },
  'Set-aside calls, longest set aside first',
);
