import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { mintToken } from '@app/auth';
import { createServiceApp, startServiceApp, type ServiceApp } from '@app/platform';
import { parseQueueLog } from '../../apps/telephony-events/src/adapters/asterisk-queue-log';
import { TELEPHONY_SERVICE } from '../../apps/telephony-events/src/telephony-events.service';
import { generateQueueLog } from '../../scripts/bench/ingest/queue-log-text';
import type { Checkpoint } from '../../scripts/import-history/checkpoint';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../support/test-env';
import { scaled } from '../support/time-scale';
import { waitFor } from '../support/wait-for';

/**
 * Issue 20 item 2: `npm run import:history` as a child process against telephony-events on a real
 * PostgreSQL and NATS — killed with SIGKILL mid-import, run again to completion, then run a third
 * time (nothing sent) and with --restart (everything sent, nothing stored twice).
 */
const ROOT = join(__dirname, '../..');
const LINES = 6_000;
const CHUNK_LINES = 300;
const ZONE = 'Asia/Shanghai';
const QUEUE_LOG_ROUTE = 'route="/v1/call-events/asterisk-queue-log"';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function startImporter(args: string[]): { kill(): void; exited: Promise<Exit> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/import-history/import-history.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { kill: () => child.kill('SIGKILL'), exited };
}

describe('import:history', () => {
  let env: TestEnv;
  let service: ServiceApp;
  let url: string;
  let dir: string;
  let file: string;
  let stateFile: string;
  let args: string[];
  /** What the adapter makes of the file, read here in-process: the ids the service must end up holding. */
  let expected: { eventIds: number; events: number; agentStates: number; calls: number; months: string[] };

  const count = async (table: string) => Number((await env.query<{ n: string }>(`SELECT count(*) AS n FROM telephony.${table}`))[0].n);
  const counts = async () => ({ events: await count('call_event'), facts: await count('call_facts'), agentStates: await count('agent_state_event') });
  const checkpoint = (): Checkpoint | undefined => (existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as Checkpoint) : undefined);
  /** POSTs the service has answered on the queue_log route, from its own /metrics. */
  const queueLogPosts = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return text.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count') && l.includes(QUEUE_LOG_ROUTE)).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  };

  beforeAll(async () => {
    env = await createTestEnv();
    service = await createServiceApp(TELEPHONY_SERVICE, env.config('telephony-events'));
    await startServiceApp(service, 0, '127.0.0.1');
    url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    dir = mkdtempSync(join(tmpdir(), 'import-history-'));
    file = join(dir, 'queue_log');
    stateFile = `${file}.import-state.json`;
    // Ten minutes before last month ended: the log runs across two months, all of it in the past.
    const lastMonth = DateTime.now().setZone(ZONE).startOf('month').minus({ months: 1 });
    const text = `${generateQueueLog(LINES, 20, lastMonth.toSeconds() - 600)}\n`;
    writeFileSync(file, text);
    const parsed = parseQueueLog(text);
    expect(parsed.unparseable).toEqual([]);
    expected = {
      eventIds: new Set(parsed.events.map((e) => e.eventId)).size,
      events: parsed.events.length,
      agentStates: new Set(parsed.agentStates.map((s) => s.eventId)).size,
      calls: parsed.counts.ENTERQUEUE,
      months: [lastMonth.minus({ months: 1 }).toFormat('yyyy-MM'), lastMonth.toFormat('yyyy-MM')],
    };
    const token = mintToken(TEST_JWT_SECRET, { sub: 'import-history-test', roles: ['telephony'] });
    args = ['--queue-log', file, '--telephony-url', url, '--token', token, '--chunk-lines', String(CHUNK_LINES), '--time-zone', ZONE];
  }, scaled(60_000));

  afterAll(async () => {
    await service?.app.close();
    await env?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after SIGKILL from the last acknowledged chunk and ends with every event once', async () => {
    const first = startImporter(args);
    const killedAt = await waitFor(async () => {
      const cp = checkpoint();
      if (cp?.complete) throw new Error('the import finished before it could be killed');
      return cp !== undefined && cp.line > 1 ? cp : undefined;
    }, 'a checkpoint with an acknowledged chunk');
    first.kill();
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const atKill = checkpoint()!;
    expect(atKill.complete).toBe(false);
    expect(atKill.line).toBeGreaterThanOrEqual(killedAt.line);
    expect(atKill.line).toBeLessThanOrEqual(LINES);
    expect((atKill.line - 1) % CHUNK_LINES).toBe(0);

    const second = await startImporter(args).exited;
    expect(second.stderr).toContain(`resuming at line ${atKill.line}`);
    expect(second.code).toBe(0);

    const done = checkpoint()!;
    expect(done).toMatchObject({ complete: true, line: LINES + 1, offset: readFileSync(file).length });
    expect(done.totals).toMatchObject({ lines: LINES, calls: expected.calls, eventsRejected: 0, linesRefused: 0, linesUnparseable: 0, months: expected.months });
    // Each line was acknowledged once: the chunk in flight at the kill comes back as duplicates, never twice as new.
    expect(done.totals.eventsAccepted + done.totals.eventsDuplicate).toBe(expected.events);
    expect(done.totals.eventsAccepted).toBeLessThanOrEqual(expected.eventIds);
    expect(second.stderr).toMatch(new RegExp(`months touched.*${expected.months.join(', ')}`));

    expect(await count('ingest_rejection')).toBe(0);
    const [{ total, distinct }] = await env.query<{ total: string; distinct: string }>('SELECT count(*) AS total, count(DISTINCT event_id) AS distinct FROM telephony.call_event');
    expect(Number(total)).toBe(expected.eventIds);
    expect(Number(distinct)).toBe(expected.eventIds);
    expect(await count('agent_state_event')).toBe(expected.agentStates);
    // Every call has its facts (derived in the background after the events are stored).
    const calls = Number((await env.query<{ n: string }>('SELECT count(DISTINCT call_id) AS n FROM telephony.call_event'))[0].n);
    await waitFor(async () => (await count('call_facts')) === calls && (await count('call_dirty')) === 0, 'facts of every call');
    const [{ missing }] = await env.query<{ missing: string }>(
      'SELECT count(*) AS missing FROM (SELECT DISTINCT call_id FROM telephony.call_event) e WHERE NOT EXISTS (SELECT 1 FROM telephony.call_facts f WHERE f.call_id = e.call_id)',
    );
    expect(Number(missing)).toBe(0);
  });

  it('says "already imported" on a third run and posts nothing', async () => {
    const before = { ...(await counts()), posts: await queueLogPosts(), checkpoint: checkpoint() };
    const third = await startImporter(args).exited;
    expect(third.code).toBe(0);
    expect(third.stderr).toContain('already imported');
    expect(await queueLogPosts()).toBe(before.posts);
    expect(await counts()).toEqual({ events: before.events, facts: before.facts, agentStates: before.agentStates });
    expect(checkpoint()).toEqual(before.checkpoint);
  });

  it('re-sends everything with --restart and the service’s counts do not change', async () => {
    const before = { ...(await counts()), posts: await queueLogPosts() };
    const again = await startImporter([...args, '--restart']).exited;
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('--restart');
    expect(await queueLogPosts()).toBe(before.posts + LINES / CHUNK_LINES);
    expect(checkpoint()!.totals).toMatchObject({ lines: LINES, eventsAccepted: 0, eventsDuplicate: expected.events, calls: expected.calls });
    expect(await counts()).toEqual({ events: before.events, facts: before.facts, agentStates: before.agentStates });
  });
});
