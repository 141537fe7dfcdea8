import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { mintToken } from '@app/auth';
import type { Role } from '@app/contracts';
import { freePort } from '@app/messaging/testing/nats-server';
import { rssMb } from '../../../scripts/bench/bench-util';
import { root, startNode, stop, waitReady, type NodeChild } from '../../../scripts/bench/processes';
import { buildServicesOnce } from '../../../tests/support/system-processes';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { scaled } from '../../../tests/support/time-scale';
import { DEFAULT_POLICY } from '../src/domain/policy/default-policy';
import { emptyCallTally } from '../src/domain/scoring/month-inputs';
import { scoreFigures } from '../src/domain/scoring/score-figures';
import { scoreMonth } from '../src/domain/scoring/score-month';
import { agentMonth, leg, presentDay, record } from '../src/domain/testing/month-builder';

const AGENTS = 10_000;
const CLOSED = '2026-10';
const OPEN = '2026-11';
/** Every 50th agent was revised once after the close: the list and the export show revision 2 of them, once. */
const REVISED_EVERY = 50;
const ADJUSTMENT = { code: 'ADJUSTMENT', amount: -12.34 };
/** The Dockerfile's heap cap, the one the service died under (issue 17 item 4). */
const NODE_FLAGS = ['--max-old-space-size=128'];

const agentId = (i: number) => `A${String(i).padStart(5, '0')}`;

/** A realistic closed-month card (~4 KB of JSON: eight evaluations, ring violations, a reward), scored by the domain itself. */
function templateCard() {
  const a = agentMonth('A00000', {
    calls: {
      ...emptyCallTally(), offered: 900, answered: 880, missed: 20, rated: 300, goodRated: 270,
      ringViolations: [1, 2, 3].map((i) => leg(`call-${i}-0000000000`, '2026-10-05T01:00:00.000Z', 18_000)),
      longHolds: [1, 2].map((i) => leg(`hold-${i}-0000000000`, '2026-10-06T01:00:00.000Z', 150_000)),
    },
    evaluations: Array.from({ length: 8 }, (_, i) => ({ evaluationId: `evaluation-${i}-000000000000`, percent: 80 + i, criticalFail: false })),
    days: [presentDay('A00000', '2026-10-03', { lateMinutes: 12 }), presentDay('A00000', '2026-10-09', { earlyLeaveMinutes: 20 })],
    records: [record('rec-1', { kind: 'reward', code: 'REWARD', amount: 50, labelZh: '表扬', labelEn: 'praise' })],
  });
  const [card] = scoreMonth({ period: CLOSED, agents: [a] }, DEFAULT_POLICY, 'default-1');
  return card;
}

/**
 * Issue 17 item 4: `GET /v1/scorecards?period=` for 5,011 agents held the whole answer in memory and the 128 MB-heap
 * service died. Here the built service runs as its own process under that heap cap; 10,000 agents' cards of a closed
 * month are loaded straight into its tables; every page of the list (1,000 a page), the streamed payroll export and
 * every page of the open month's provisional list are read; the process must still be alive, every card seen once.
 */
describe('scoring: a 10,000-agent month under a 128 MB heap (the built service as a process)', () => {
  let env: TestEnv;
  let service: NodeChild;
  let port: number;
  let sampled = 0;
  let sampler: NodeJS.Timeout | undefined;
  const phases: string[] = [];
  const card = templateCard();
  const figures = scoreFigures(card);
  const linesPerAgent = figures.pay.lines.length;

  const alive = () => service.proc.exitCode === null && service.proc.signalCode === null;
  /**
   * A GET on a connection of its own (no keep-alive): on a loaded machine a pooled socket can sit idle past the
   * server's 5-second keep-alive and be closed under the next request, which would read as the service dying.
   */
  const get = (path: string, roles: Role[]) =>
    new Promise<IncomingMessage>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port, path, agent: false, headers: { authorization: `Bearer ${mintToken(TEST_JWT_SECRET, { sub: roles[0], roles })}` } }, resolve)
        .on('error', reject)
        .end(),
    );
  const json = async <T>(res: IncomingMessage): Promise<T> => {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
  };
  const measured = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    sampled = 0;
    const t = Date.now();
    const out = await run();
    phases.push(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s, peak RSS ${sampled.toFixed(0)} MB`);
    return out;
  };

  beforeAll(async () => {
    let t = Date.now();
    await buildServicesOnce(['scoring']);
    phases.push(`build (only when a source is newer than the bundle): ${((Date.now() - t) / 1000).toFixed(1)} s`);
    env = await createTestEnv();
    port = await freePort();
    service = startNode([...NODE_FLAGS, join(root, 'dist/apps/scoring/main.js')], {
      DATABASE_URL: env.db.url, NATS_URL: env.nats.url, AUTH_JWT_SECRET: TEST_JWT_SECRET, PORT: String(port), LOG_LEVEL: 'error',
      // Through the validated settings: 0 turns the close-day worker off (the test's months are past their close day).
      SCORING_AUTO_CLOSE: '0',
    });
    sampler = setInterval(() => {
      if (alive()) sampled = Math.max(sampled, rssMb(service.proc.pid!).now);
    }, 50);
    await waitReady(port, '/health/ready', scaled(90_000));
    t = Date.now();
    // The month as a close leaves it: the directory, revision 1 of every card, revision 2 of some, the period closed.
    await env.query(
      `INSERT INTO scoring.agent (agent_id, name, team, role, level, active, version, supervisor_id)
       SELECT 'A' || lpad(i::text, 5, '0'), '坐席 ' || i, 'T' || (i % 200), 'agent', 'regular', true, 1, 'S' || (i % 200) FROM generate_series(1, $1::int) i`,
      [AGENTS],
    );
    const adjustment = { ...ADJUSTMENT, labelZh: '调整', labelEn: 'adjustment' };
    const revisedCard = { ...card, pay: { ...card.pay, lines: [...card.pay.lines, { ...adjustment, inputIds: [], reason: '调整 / adjustment' }], total: card.pay.total + ADJUSTMENT.amount } };
    const revisedFigures = { ...figures, pay: { ...figures.pay, lines: [...figures.pay.lines, adjustment], total: figures.pay.total + ADJUSTMENT.amount } };
    await env.query(
      `INSERT INTO scoring.scorecard (period, agent_id, revision, policy_version, total_h, grade, rank, level_before, level_after, deduction_points, appraised, figures, card)
       SELECT $1, id, r, 'default-1', 8525, 'good', NULL, 'regular', 'regular', 0, true, CASE WHEN r = 1 THEN $2::jsonb ELSE $3::jsonb END,
              jsonb_set(jsonb_set(CASE WHEN r = 1 THEN $4::jsonb ELSE $5::jsonb END, '{agentId}', to_jsonb(id)), '{name}', to_jsonb('坐席 ' || i))
       FROM generate_series(1, $6::int) i, LATERAL (SELECT 'A' || lpad(i::text, 5, '0') AS id) a, generate_series(1, CASE WHEN i % $7::int = 0 THEN 2 ELSE 1 END) r`,
      [CLOSED, JSON.stringify(figures), JSON.stringify(revisedFigures), JSON.stringify(card), JSON.stringify(revisedCard), AGENTS, REVISED_EVERY],
    );
    await env.query(`INSERT INTO scoring.period (period, state, closed_at, policy_version, forced, carried_over) VALUES ($1, 'closed', now(), 'default-1', false, '[]')`, [CLOSED]);
    phases.push(`seeding ${AGENTS.toLocaleString('en-US')} agents' cards by SQL: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }, scaled(420_000));

  afterAll(async () => {
    if (sampler) clearInterval(sampler);
    const peak = service && alive() ? rssMb(service.proc.pid!).peak : NaN;
    process.stdout.write(`\nscoring at ${AGENTS.toLocaleString('en-US')} agents, ${NODE_FLAGS.join(' ')}:\n  ${phases.join('\n  ')}\n  process peak RSS (VmHWM) ${peak.toFixed(0)} MB\n`);
    if (service) await stop(service);
    await env?.dispose();
  }, scaled(60_000));

  /** Every page of a month's list at 1,000 a page: agent id → revision, and how many pages. */
  async function walk(period: string): Promise<{ seen: Map<string, number | null>; pages: number[]; twice: string[]; statuses: Set<string> }> {
    const ms: number[] = [];
    const seen = new Map<string, number | null>();
    const twice: string[] = [];
    const statuses = new Set<string>();
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const t = Date.now();
      const res = await get(`/v1/scorecards?period=${period}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, ['hr']);
      expect(res.statusCode).toBe(200);
      const page = await json<{ period: string; items: Array<{ agentId: string; revision: number | null; status: string }>; nextCursor: string | null }>(res);
      ms.push(Date.now() - t);
      expect(page.period).toBe(period);
      for (const c of page.items) {
        if (seen.has(c.agentId)) twice.push(c.agentId);
        seen.set(c.agentId, c.revision);
        statuses.add(c.status);
      }
      pages.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor !== null);
    phases.push(`  ${period}: first page ${(ms[0] / 1000).toFixed(1)} s, the others ${(Math.min(...ms.slice(1)) / 1000).toFixed(1)}–${(Math.max(...ms.slice(1)) / 1000).toFixed(1)} s each`);
    return { seen, pages, twice, statuses };
  }

  it('lists the closed month 1,000 cards a page: 10,000 distinct agents, each once at its latest revision, the process alive', async () => {
    const { seen, pages, twice, statuses } = await measured('closed month, every page of GET /v1/scorecards (limit 1,000)', () => walk(CLOSED));
    expect([seen.size, twice, pages, [...statuses]]).toEqual([AGENTS, [], Array(AGENTS / 1_000).fill(1_000), ['final']]);
    const wrong = Array.from({ length: AGENTS }, (_, i) => i + 1).filter((i) => seen.get(agentId(i)) !== (i % REVISED_EVERY === 0 ? 2 : 1));
    expect(wrong).toEqual([]);
    expect(alive()).toBe(true);
  });

  it('streams the payroll export: one row per pay line of every agent, the latest revision, the process alive', async () => {
    const rows = new Map<string, { revision: string; lines: number; amountFen: number; total: string }>();
    let header = '';
    await measured('payroll export, GET /v1/payroll/{period}.csv (streamed)', async () => {
      const res = await get(`/v1/payroll/${CLOSED}.csv`, ['payroll']);
      expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
      const decoder = new TextDecoder();
      let rest = '';
      const take = (line: string) => {
        if (!header) return void (header = line);
        const [id, period, revision, , amount, total] = line.split(',');
        if (period !== CLOSED) throw new Error(`a row of another month: ${line}`);
        const r = rows.get(id) ?? { revision, lines: 0, amountFen: 0, total };
        r.lines++;
        r.amountFen += Math.round(Number(amount) * 100);
        rows.set(id, r);
      };
      for await (const chunk of res as AsyncIterable<Buffer>) {
        const lines = (rest + decoder.decode(chunk, { stream: true })).split('\r\n');
        rest = lines.pop()!;
        lines.forEach(take);
      }
      expect(rest + decoder.decode()).toBe('');
    });
    expect(header).toBe('agentId,period,revision,code,amount,total');
    expect(rows.size).toBe(AGENTS);
    const fen = (yuan: number) => Math.round(yuan * 100);
    const wrong = Array.from({ length: AGENTS }, (_, i) => i + 1).flatMap((i) => {
      const revised = i % REVISED_EVERY === 0;
      const total = figures.pay.total + (revised ? ADJUSTMENT.amount : 0);
      const want = JSON.stringify({ revision: revised ? '2' : '1', lines: linesPerAgent + (revised ? 1 : 0), amountFen: fen(total), total: total.toFixed(2) });
      const got = JSON.stringify(rows.get(agentId(i)));
      return got === want ? [] : [`${agentId(i)}: ${got}, not ${want}`];
    });
    expect(wrong).toEqual([]);
    expect(alive()).toBe(true);
  });

  it("lists the open month's provisional cards 1,000 a page: 10,000 distinct agents, each once, the process alive", async () => {
    const { seen, pages, twice, statuses } = await measured('open month, every page of GET /v1/scorecards (provisional, limit 1,000)', () => walk(OPEN));
    expect([seen.size, twice, pages, [...statuses]]).toEqual([AGENTS, [], Array(AGENTS / 1_000).fill(1_000), ['provisional']]);
    expect(alive()).toBe(true);
  });
});
