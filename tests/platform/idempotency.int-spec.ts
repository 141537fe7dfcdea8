import request from 'supertest';
import { startProbe, supervisorToken, type RunningProbe } from '../support/probe-harness';
import { createTestEnv, type TestEnv } from '../support/test-env';

/** Issue 17 item 7: a double click files one record. `Idempotency-Key` on every POST of every service (the platform). */
describe('Idempotency-Key (real PostgreSQL)', () => {
  let env: TestEnv;
  let probe: RunningProbe;
  const post = (body: object, key?: string, sub = 'S01') => {
    const r = request(probe.url).post('/probe/effects').set('Authorization', `Bearer ${supervisorToken(sub)}`);
    return (key === undefined ? r : r.set('Idempotency-Key', key)).send(body);
  };
  const effects = async (key: string) => (await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM probe.effect WHERE key = $1`, [key]))[0].n;

  beforeAll(async () => {
    env = await createTestEnv();
    probe = await startProbe(env, { consume: false });
  });
  afterAll(async () => {
    await probe?.close();
    await env?.dispose();
  });

  it('20 identical concurrent submissions under one key make one record, and every one answers as the first', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => post({ key: 'fine-1', delayMs: 300 }, 'form-7f3a')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await effects('fine-1')).toBe(1);
    // Later, the same again: the first answer, nothing new.
    const again = await post({ key: 'fine-1', delayMs: 300 }, 'form-7f3a');
    expect([again.status, again.body.id]).toEqual([201, answers[0].body.id]);
    expect(await effects('fine-1')).toBe(1);
  });

  it('refuses another request under a used key with 409, and takes the same body in another key order as the same', async () => {
    await post({ key: 'fine-2' }, 'form-b').expect(201);
    const other = await post({ key: 'fine-3' }, 'form-b').expect(409);
    expect(other.body).toMatchObject({ error: 'REQUEST.IDEMPOTENCY_KEY_REUSED', details: [{ path: 'headers.idempotency-key' }] });
    await post({ delayMs: 0, key: 'fine-4' }, 'form-c').expect(201);
    await post({ key: 'fine-4', delayMs: 0 }, 'form-c').expect(201);
    expect([await effects('fine-3'), await effects('fine-4')]).toEqual([0, 1]);
  });

  it('keeps keys per caller, keeps nothing for a refused request, and refuses a malformed key', async () => {
    await post({ key: 'fine-5' }, 'shared-key', 'S01').expect(201);
    await post({ key: 'fine-5' }, 'shared-key', 'S02').expect(201);
    expect(await effects('fine-5')).toBe(2);
    const refused = await post({ key: 'fine-6', delayMs: -1 }, 'retry-me').expect(400);
    expect(refused.body.error).toBe('REQUEST.VALIDATION_FAILED');
    expect(await env.query(`SELECT key FROM probe.idempotency_key WHERE key = 'retry-me'`)).toEqual([]);
    const bad = await post({ key: 'fine-7' }, 'with space').expect(400);
    expect(bad.body.error).toBe('REQUEST.IDEMPOTENCY_KEY_INVALID');
    // Without a key nothing changes: two submissions, two records.
    await post({ key: 'fine-8' }).expect(201);
    await post({ key: 'fine-8' }).expect(201);
    expect(await effects('fine-8')).toBe(2);
  });
});
