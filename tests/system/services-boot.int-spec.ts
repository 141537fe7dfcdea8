import { spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { createServiceApp, serviceMigrations, startServiceApp, type ServiceDefinition } from '@app/platform';
import { ATTENDANCE_SERVICE } from '../../apps/attendance/src/attendance.service';
import { NOTIFICATION_SERVICE } from '../../apps/notification/src/notification.service';
import { QA_SERVICE } from '../../apps/qa-evaluation/src/qa-evaluation.service';
import { SCORING_SERVICE } from '../../apps/scoring/src/scoring.service';
import { TELEPHONY_SERVICE } from '../../apps/telephony-events/src/telephony-events.service';
import { JsTestClient } from '../support/js-client';
import { createTestEnv, type TestEnv } from '../support/test-env';

const SERVICES: ServiceDefinition[] = [TELEPHONY_SERVICE, QA_SERVICE, ATTENDANCE_SERVICE, SCORING_SERVICE, NOTIFICATION_SERVICE];

/** All five services start on one database and one NATS, each in its own schema, and serve the common endpoints. */
describe('the five services', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env?.dispose());

  it('boot together, each with its schema, its migrations, health, metrics and OpenAPI', async () => {
    const apps = [];
    for (const def of SERVICES) {
      const s = await createServiceApp(def, env.config(def.name));
      await startServiceApp(s, 0, '127.0.0.1');
      apps.push({ def, app: s.app, url: (await s.app.getUrl()).replace('[::1]', '127.0.0.1') });
    }
    try {
      for (const { def, url } of apps) {
        expect((await request(url).get('/health/live')).status).toBe(200);
        const ready = await request(url).get('/health/ready');
        expect([def.name, ready.status, ready.body.status]).toEqual([def.name, 200, 'ready']);
        expect((await request(url).get('/metrics')).text).toContain('messaging_messages_total');
        const docs = await request(url).get('/docs-json');
        expect(docs.body.info.title).toBe(def.title);
        const migrations = await env.query(`SELECT name FROM ${def.schema}.migrations ORDER BY id`);
        expect(migrations.length).toBe(serviceMigrations(def).length);
        const tables = await env.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [def.schema]);
        expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['inbox_message', 'outbox_message']));
      }
      const streams = await JsTestClient.connect(env.nats.url);
      const names = [];
      for await (const s of streams.jsm.streams.list()) names.push(s.config.name);
      expect(names.sort()).toEqual(['ALERTS', 'ATTENDANCE', 'DEADLETTER', 'NOTIFICATION', 'QA', 'SCORING', 'TELEPHONY']);
      await streams.close();
    } finally {
      for (const { app } of apps) await app.close();
    }
  });

  it.each([
    [{ DATABASE_URL: '' }, 'DATABASE_URL is missing'],
    [{ NATS_URL: 'localhost:4222' }, 'NATS_URL must be one or more nats:// URLs'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET must be at least 16 characters'],
  ])('stop with one line naming a bad setting %#', async (override, message) => {
    const env0 = {
      ...process.env,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      NATS_URL: 'nats://127.0.0.1:4222',
      AUTH_JWT_SECRET: 'a-long-enough-test-secret',
      ...override,
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../../apps/scoring/src/main.ts')], { env: env0, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scoring: configuration error: /);
    expect(lines[0]).toContain(message);
  });
});
