import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@app/auth';
import type { Role } from '@app/contracts';
import { createServiceApp, startServiceApp, type ServiceDefinition } from '@app/platform';
import { attendanceService } from '../../apps/attendance/src/attendance.service';
import { loadConsoleConfig } from '../../apps/console/src/config/console-config';
import { createConsoleApp } from '../../apps/console/src/create-console-app';
import { NOTIFICATION_SERVICE } from '../../apps/notification/src/notification.service';
import { QA_SERVICE } from '../../apps/qa-evaluation/src/qa-evaluation.service';
import { SCORING_SERVICE } from '../../apps/scoring/src/scoring.service';
import { TELEPHONY_SERVICE } from '../../apps/telephony-events/src/telephony-events.service';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../support/test-env';
import { waitFor } from '../support/wait-for';

/**
 * Issue 17, "done when": the attack's shape as properties, against all five services and the
 * console's proxy in front of them. The operations come from each service's own OpenAPI document,
 * so an endpoint added later is attacked without anyone listing it here. Properties:
 * - hostile path parameters, query values and bodies never get a 5xx, and every refusal is the
 *   contract's error body with a stable code;
 * - a forged, expired, re-signed or mangled token is always 401;
 * - a supervisor reaches an agent's records exactly when the agent is in their team.
 * Runs are seeded (`FC_SEED`, default below) so CI is repeatable; change the seed to explore.
 */
const SEED = Number(process.env.FC_SEED ?? 20261204);
const RUNS = Number(process.env.FC_RUNS ?? 60);

type Service = 'telephony-events' | 'qa-evaluation' | 'attendance' | 'scoring' | 'notification';
const DEFS: Record<Service, ServiceDefinition> = {
  // Days close only when asked, never under the requests below.
  'telephony-events': TELEPHONY_SERVICE, 'qa-evaluation': QA_SERVICE, attendance: attendanceService({ closeEveryMs: 0 }), scoring: SCORING_SERVICE, notification: NOTIFICATION_SERVICE,
};
const SERVICES = Object.keys(DEFS) as Service[];
const ALL_ROLES: Role[] = ['admin', 'hr', 'supervisor', 'qa', 'manager', 'payroll', 'clock', 'telephony'];
/** Paths a service answers without a token, or that are not the services' API. */
const UNGUARDED = /^\/(health|metrics|docs|asyncapi)/;

interface Operation { service: Service; method: 'get' | 'post' | 'put' | 'delete' | 'patch'; path: string; params: string[]; query: string[] }

/** Strings an attacker sends: control characters, lone surrogates, impossible dates and numbers, traversal, huge. */
const HOSTILE_TEXT = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '0000-01-01', '9999-12-31', '2026-02-30', '0000-01', 'NaN', '-1', '1e308', '9'.repeat(30),
  '..', '../../etc/passwd', '%00', '%', '\\', "' OR 1=1 --", '<script>', '{}', '[]', 'null', ' ', '', '𠀀'.repeat(50), 'x'.repeat(5_000),
];
const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText, fc.double(), fc.integer(), fc.bigInt().map((b) => Number(b)), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('agentId', 'period', 'date', 'callId', 'answers', 'scores', 'code', 'from', 'to', 'at', 'url', 'policy')), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** Percent-encodes the UTF-8 of `s` byte by byte (lone surrogates become U+FFFD, as a browser sends them). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function parseOrText(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

describe('hostile input as properties, every service and the console proxy (issue 17)', () => {
  let env: TestEnv;
  const apps: INestApplication[] = [];
  const urls = {} as Record<Service, string>;
  let consoleUrl = '';
  let webDir = '';
  const ops: Operation[] = [];
  const tally = { sent: 0, fiveHundreds: [] as string[] };

  const token = (roles: Role[] = ALL_ROLES, sub = 'ADM', agentId?: string) => mintToken(TEST_JWT_SECRET, { sub, roles, agentId });
  const send = async (base: string, method: string, path: string, opts: { auth?: string; body?: string; type?: string } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: method.toUpperCase(),
      headers: { authorization: opts.auth ?? `Bearer ${token()}`, ...(opts.body === undefined ? {} : { 'content-type': opts.type ?? 'application/json' }) },
      body: opts.body,
    });
    const text = await res.text();
    tally.sent++;
    if (res.status >= 500) tally.fiveHundreds.push(`${res.status} ${method.toUpperCase()} ${path.slice(0, 120)}: ${text.slice(0, 200)}`);
    return { status: res.status, body: parseOrText(text) };
  };
  /** Below 500, and a refusal in the contract's error body. */
  const isWellRefused = (r: { status: number; body: unknown }) => {
    if (r.status >= 500) return false;
    if (r.status < 400) return true;
    const b = r.body as { error?: unknown; message?: unknown; details?: unknown } | null;
    return typeof b?.error === 'string' && /^[A-Z]+\.[A-Z0-9_.]+$/.test(b.error) && typeof b.message === 'string' && Array.isArray(b.details);
  };
  const fill = (op: Operation, values: string[]) => op.path.replace(/\{(\w+)\}/g, (_m, name: string) => pct(values[op.params.indexOf(name)] ?? 'x'));
  const baseOf = (op: Operation, viaConsole: boolean) => (viaConsole ? `${consoleUrl}/api/${op.service}` : urls[op.service]);

  beforeAll(async () => {
    process.env.SCORING_AUTO_CLOSE = 'false';
    env = await createTestEnv();
    for (const s of SERVICES) {
      const service = await createServiceApp(DEFS[s], env.config(DEFS[s].name));
      await startServiceApp(service, 0, '127.0.0.1');
      apps.push(service.app);
      urls[s] = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
    }
    webDir = mkdtempSync(join(tmpdir(), 'hostile-console-'));
    const config = loadConsoleConfig({
      NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, CONSOLE_WEB_DIR: webDir, LOG_LEVEL: 'error',
      TELEPHONY_EVENTS_URL: urls['telephony-events'], QA_EVALUATION_URL: urls['qa-evaluation'], ATTENDANCE_URL: urls.attendance, SCORING_URL: urls.scoring, NOTIFICATION_URL: urls.notification,
    }, webDir);
    const consoleApp = await createConsoleApp(config);
    await consoleApp.listen(0, '127.0.0.1');
    apps.push(consoleApp);
    consoleUrl = (await consoleApp.getUrl()).replace('[::1]', '127.0.0.1');

    for (const s of SERVICES) {
      const doc = (await (await fetch(`${urls[s]}/docs-json`)).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> };
      for (const [path, methods] of Object.entries(doc.paths)) {
        if (UNGUARDED.test(path)) continue;
        for (const [method, spec] of Object.entries(methods)) {
          const parameters = spec.parameters ?? [];
          ops.push({
            service: s, method: method as Operation['method'], path,
            params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
            query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
          });
        }
      }
    }

    // The team world: T1 led by PS1 (A1, A2), T2 led by PS2 (A3, A4); every service hears of it from attendance.
    const people = [['PS1', 'TP1', null, 'supervisor'], ['PA1', 'TP1', 'PS1', 'agent'], ['PA2', 'TP1', 'PS1', 'agent'], ['PS2', 'TP2', null, 'supervisor'], ['PA3', 'TP2', 'PS2', 'agent'], ['PA4', 'TP2', 'PS2', 'agent']]
      .map(([agentId, team, supervisorId, role]) => ({ agentId, name: `坐席 ${agentId}`, team, region: 'east', role, hireDate: '2026-03-01', supervisorId, level: 'regular', active: true }));
    expect((await send(urls.attendance, 'post', '/v1/agents', { body: JSON.stringify(people) })).status).toBe(200);
    const supervisor = `Bearer ${token(['supervisor'], 'PS1')}`;
    await waitFor(async () => (await send(urls.scoring, 'get', '/v1/scorecards/PA1/2026-10', { auth: supervisor })).status === 200, 'scoring to know the teams', 60_000);
    await waitFor(async () => (await send(urls['qa-evaluation'], 'get', '/v1/evaluations?agentId=PA1', { auth: supervisor })).status === 200, 'qa to know the teams', 60_000);
  }, 240_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await env?.dispose();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
    process.stdout.write(`\nhostile properties: ${ops.length} operations, ${tally.sent} requests, ${tally.fiveHundreds.length} answered 5xx\n`);
  });

  it('found the operations of all five services in their OpenAPI documents', () => {
    const per = Object.fromEntries(SERVICES.map((s) => [s, ops.filter((o) => o.service === s).length]));
    for (const s of SERVICES) expect(per[s]).toBeGreaterThan(3);
  });

  const opArb = () => fc.constantFrom(...ops);

  it('hostile path parameters: never a 5xx, every refusal in the error body (services and console proxy)', async () => {
    await fc.assert(
      fc.asyncProperty(opArb(), fc.array(hostileText, { minLength: 3, maxLength: 3 }), fc.boolean(), async (op, values, viaConsole) => {
        if (op.params.length === 0) return;
        const body = op.method === 'get' || op.method === 'delete' ? undefined : '{}';
        expect(isWellRefused(await send(baseOf(op, viaConsole), op.method, fill(op, values), { body }))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    expect(tally.fiveHundreds).toEqual([]);
  }, 300_000);

  it('hostile query values (limits, cursors, periods, ids): never a 5xx', async () => {
    const gets = ops.filter((o) => o.method === 'get');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), fc.array(fc.tuple(fc.constantFrom('limit', 'cursor', 'period', 'agentId', 'page', 'from', 'to', 'team', 'kpi'), hostileText), { maxLength: 4 }), fc.boolean(), async (op, pairs, viaConsole) => {
        const names = [...op.query, ...pairs.map(([k]) => k)];
        const qs = pairs.map(([, v], i) => `${names[i % names.length]}=${pct(v)}`).join('&');
        expect(isWellRefused(await send(baseOf(op, viaConsole), 'get', `${fill(op, ['A1', '2026-10', '1'])}${qs ? `?${qs}` : ''}`))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    expect(tally.fiveHundreds).toEqual([]);
  }, 300_000);

  it('hostile bodies (JSON values, raw text, wrong types, deep nesting) on every write: never a 5xx', async () => {
    const writes = ops.filter((o) => o.method !== 'get' && o.method !== 'delete');
    const raw = fc.oneof(
      hostileJson.map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })),
      fc.array(hostileJson, { maxLength: 4 }).map((v) => ({ body: JSON.stringify(v), type: 'application/json' })),
      fc.integer({ min: 100, max: 20_000 }).map((d) => ({ body: `${'['.repeat(d)}${']'.repeat(d)}`, type: 'application/json' })),
      fc.tuple(hostileText, fc.constantFrom('application/json', 'text/csv', 'text/plain', 'application/x-ndjson')).map(([body, type]) => ({ body, type })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), raw, fc.boolean(), async (op, { body, type }, viaConsole) => {
        expect(isWellRefused(await send(baseOf(op, viaConsole), op.method, fill(op, ['x1', '2026-10', '1']), { body, type }))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
    expect(tally.fiveHundreds).toEqual([]);
  }, 300_000);

  it('a forged, expired, re-signed or mangled token is 401 on every operation', async () => {
    const good = token();
    const forged = fc.oneof(
      fc.constant(mintToken('another-secret-of-sufficient-length-123456', { sub: 'ADM', roles: ALL_ROLES })),
      fc.constant(mintToken(TEST_JWT_SECRET, { sub: 'ADM', roles: ALL_ROLES, expiresInSeconds: -60 })),
      fc.constant(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"ADM","roles":["admin"]}').toString('base64url')}.`),
      fc.nat({ max: good.length - 1 }).chain((i) => fc.constantFrom(...'ABCxyz019-_.').filter((c) => c !== good[i]).map((c) => `${good.slice(0, i)}${c}${good.slice(i + 1)}`)),
      hostileText,
    );
    await fc.assert(
      fc.asyncProperty(opArb(), forged, fc.constantFrom('Bearer ', 'bearer ', '', 'Basic '), fc.boolean(), async (op, t, scheme, viaConsole) => {
        const body = op.method === 'get' || op.method === 'delete' ? undefined : '{}';
        const res = await send(baseOf(op, viaConsole), op.method, fill(op, ['A1', '2026-10', '1']), { auth: `${scheme}${t}`.replace(/[^\t\x20-\x7e]/g, '?'), body });
        expect([res.status, (res.body as { error?: string })?.error?.startsWith('AUTH.')]).toEqual([401, true]);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  }, 300_000);

  it("a supervisor reaches an agent's records exactly when the agent is in their team", async () => {
    const reads = [
      (a: string) => ({ base: urls.scoring, path: `/v1/scorecards/${a}/2026-10` }),
      (a: string) => ({ base: urls.attendance, path: `/v1/attendance/summary?period=2026-10&agentId=${a}` }),
      (a: string) => ({ base: `${consoleUrl}/api/scoring`, path: `/v1/scorecards/${a}/2026-10` }),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PS1', 'PS2'), fc.constantFrom('PA1', 'PA2', 'PA3', 'PA4'), fc.nat({ max: reads.length - 1 }), async (sup, agent, i) => {
        const own = (sup === 'PS1') === (agent === 'PA1' || agent === 'PA2');
        const { base, path } = reads[i](agent);
        const res = await send(base, 'get', path, { auth: `Bearer ${token(['supervisor'], sup)}` });
        expect(res.status).toBe(own ? 200 : 403);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 300_000);
});
