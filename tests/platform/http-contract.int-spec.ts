import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { mintToken } from '@app/auth';
import { asyncApiShapeProblems } from '../support/asyncapi-shape';
import { startProbe, supervisorToken, type RunningProbe } from '../support/probe-harness';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../support/test-env';

/** Auth and error bodies as contracts.md states them, through a real service. */
describe('HTTP contract: auth, errors, health, docs, metrics', () => {
  let env: TestEnv;
  let probe: RunningProbe;

  beforeAll(async () => {
    env = await createTestEnv();
    probe = await startProbe(env, { consume: false });
  });
  afterAll(async () => {
    await probe?.close();
    await env?.dispose();
  });

  const post = (path: string, token?: string) => {
    const r = request(probe.url).post(path);
    return token ? r.set('Authorization', `Bearer ${token}`) : r;
  };

  it('401 without a token, with the error body', async () => {
    const res = await post('/probe/validated').send({ name: 'x', count: 1 });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'AUTH.TOKEN_MISSING', message: expect.any(String), details: [] });
  });

  it('401 for a token signed with another secret, an expired token, or another algorithm', async () => {
    const wrong = mintToken('another-secret-0123456789', { sub: 'x', roles: ['supervisor'] });
    expect((await post('/probe/validated', wrong).send({})).body.error).toBe('AUTH.TOKEN_INVALID');
    const expired = mintToken(TEST_JWT_SECRET, { sub: 'x', roles: ['supervisor'], expiresInSeconds: -10 });
    expect((await post('/probe/validated', expired).send({})).body.error).toBe('AUTH.TOKEN_EXPIRED');
    const none = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsic3VwZXJ2aXNvciJdfQ.';
    const res = await post('/probe/validated', none).send({});
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('AUTH.TOKEN_INVALID');
  });

  it('401 for a token that never expires or lives longer than the maximum (24 h by default)', async () => {
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const forever = jwt.sign({ roles: ['supervisor'] }, { algorithm: 'HS256', subject: 'x' });
    const res = await post('/probe/validated', forever).send({ name: 'x', count: 1 });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'AUTH.TOKEN_NO_EXPIRY', message: expect.any(String), details: [] });

    const month = mintToken(TEST_JWT_SECRET, { sub: 'x', roles: ['supervisor'], expiresInSeconds: 30 * 24 * 3600 });
    const tooLong = await post('/probe/validated', month).send({ name: 'x', count: 1 });
    expect(tooLong.status).toBe(401);
    expect(tooLong.body).toEqual({ error: 'AUTH.TOKEN_LIFETIME_TOO_LONG', message: expect.stringContaining('24 h'), details: [] });

    const day = mintToken(TEST_JWT_SECRET, { sub: 'x', roles: ['supervisor'], expiresInSeconds: 24 * 3600 });
    expect((await post('/probe/validated', day).send({ name: 'x', count: 1 })).status).toBe(200);
  });

  it('403 for a role that may not act', async () => {
    const agent = mintToken(TEST_JWT_SECRET, { sub: 'a', roles: ['agent'], agentId: 'A1001' });
    const res = await post('/probe/validated', agent).send({ name: 'x', count: 1 });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'AUTH.FORBIDDEN', message: expect.stringContaining('supervisor'), details: [] });
  });

  it('400 for malformed JSON', async () => {
    const res = await post('/probe/validated', supervisorToken()).set('Content-Type', 'application/json').send('{"name": "x",');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('REQUEST.MALFORMED_JSON');
    expect(res.body.details).toEqual([{ path: 'body', message: expect.any(String) }]);
  });

  it('400 for wrong types and unknown fields, with the path of each bad field', async () => {
    const res = await post('/probe/validated', supervisorToken()).send({ name: 5, count: 'two', inner: { label: 3 }, extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('REQUEST.VALIDATION_FAILED');
    const paths = res.body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['count', 'count', 'extra', 'inner.label', 'name']);
  });

  it('200 for a valid body', async () => {
    const res = await post('/probe/validated', supervisorToken()).send({ name: 'ok', count: 2, inner: { label: 'l' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'ok', count: 2, inner: { label: 'l' } });
  });

  it('serves health, metrics and the OpenAPI document without a token', async () => {
    expect((await request(probe.url).get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await request(probe.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: { database: true, nats: true },
      outbox: { unsent: 0, parked: 0, oldestUnsentAgeSeconds: 0, oldestPendingAgeSeconds: 0 },
    });
    const metrics = await request(probe.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('process_resident_memory_bytes');
    const docs = await request(probe.url).get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/probe/rows', '/probe/validated', '/health/ready']));
  });

  it('counts requests on /metrics by method, route pattern and status', async () => {
    const admin = mintToken(TEST_JWT_SECRET, { sub: 'a', roles: ['admin'] });
    await post('/probe/validated', supervisorToken()).send({ name: 'ok', count: 1 }).expect(200);
    await post('/probe/validated', supervisorToken()).send({ name: 'ok', count: 1 }).expect(200);
    await post('/probe/validated', supervisorToken()).send({ name: 5 }).expect(400);
    await post('/v1/admin/outbox/parked/row-1/resend', admin).expect(404);
    await post('/v1/admin/outbox/parked/row-2/resend', admin).expect(404);
    await request(probe.url).get('/no/such/path/42').expect(404);
    const text = (await request(probe.url).get('/metrics')).text;
    const count = (labels: string) => Number(new RegExp(`http_request_duration_seconds_count\\{${labels}\\} (\\d+)`).exec(text)?.[1] ?? 0);
    expect(count('method="POST",route="/probe/validated",status="200"')).toBeGreaterThanOrEqual(2);
    expect(count('method="POST",route="/probe/validated",status="400"')).toBeGreaterThanOrEqual(1);
    expect(count('method="POST",route="/v1/admin/outbox/parked/:id/resend",status="404"')).toBe(2);
    expect(count('method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('row-1');
    expect(text).not.toContain('/no/such/path');
    expect(text).toContain('messaging_outbox_oldest_unsent_age_seconds');
  });

  it('puts the error body in the OpenAPI document as a reusable ErrorBody schema that routes reference', async () => {
    const docs = (await request(probe.url).get('/docs-json')).body;
    expect(docs.components.schemas.ErrorBody).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['error', 'message', 'details']),
      properties: {
        error: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } },
      },
    });
    expect(docs.components.schemas.ErrorDetail.required).toEqual(expect.arrayContaining(['path', 'message']));
    const refs: string[] = [];
    const collect = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      const ref = (n as { $ref?: unknown }).$ref;
      if (typeof ref === 'string') refs.push(ref);
      Object.values(n).forEach(collect);
    };
    collect(docs.paths);
    collect(docs.components);
    const unresolved = refs.filter((r) => !docs.components.schemas[r.replace('#/components/schemas/', '')]);
    expect(unresolved).toEqual([]);
    expect(refs).toContain('#/components/schemas/OutboxBacklog');
    const ready = docs.paths['/health/ready'].get.responses;
    expect(ready['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Readiness' });
    expect(ready['503'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Readiness' });
    const parked = docs.paths['/v1/admin/outbox/parked'].get.responses['200'].content['application/json'].schema;
    expect(parked).toEqual({ $ref: '#/components/schemas/ParkedOutboxPage' });
    const resend = docs.paths['/v1/admin/outbox/parked/{id}/resend'].post;
    expect(resend.responses['404'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(resend.responses['403'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
  });

  it('serves its AsyncAPI 3 document at /asyncapi.json without a token: what it publishes, and the platform’s alerts', async () => {
    const res = await request(probe.url).get('/asyncapi.json');
    expect(res.status).toBe(200);
    expect(asyncApiShapeProblems(res.body)).toEqual([]);
    expect(res.body.info.title).toBe('probe: events');
    // This probe runs without its consumer: it only sends.
    expect(Object.keys(res.body.operations).sort()).toEqual(['send_alerts_message_parked', 'send_qa_probe_ping']);
    expect(res.body.channels.alerts_message_parked.messages).toEqual({ AlertEvent: { $ref: '#/components/messages/AlertEvent' } });
    expect(res.body.components.schemas.AlertEvent.required).toEqual(expect.arrayContaining(['alertId', 'kind', 'severity', 'title', 'body', 'occurredAt', 'facts']));
  });

  it('404 for an unknown route, in the same body', async () => {
    const res = await request(probe.url).get('/nope').set('Authorization', `Bearer ${supervisorToken()}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('REQUEST.NOT_FOUND');
  });
});
