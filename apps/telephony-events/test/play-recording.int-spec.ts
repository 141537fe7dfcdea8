import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { mintToken } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import { agentUpsertedEvents, PEOPLE, PERSONAS, type Persona } from '../../../tests/support/team-scope-world';
import { waitFor } from '../../../tests/support/wait-for';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/** A small real recording: espeak-ng's voice, 8 kHz mono 16-bit PCM, 3.1 s (tests/fixtures/recordings/README.md). */
const FIXTURE = join(__dirname, '../../../tests/fixtures/recordings/call-greeting-8k.wav');

/**
 * Issue 19 item 1: the console plays a call's recording through `GET /v1/calls/{callId}/recording` — bytes
 * from the recordings directory, whole or by range (so a player can seek), to those who may hear the call.
 */
describe('GET /v1/calls/{callId}/recording (real PostgreSQL, real NATS, a real directory)', () => {
  let t: TelephonyHarness;
  let top: string;
  let dir: string;
  let wav: Buffer;
  const at = (s: number) => new Date(Date.now() - 86_400_000 + s * 1000).toISOString();

  /** The answer with its body as bytes whatever the type (audio, or an error's JSON). */
  const play = async (callId: string, who: Persona, headers: Record<string, string> = {}) => {
    let req = request(t.url).get(`/v1/calls/${encodeURIComponent(callId)}/recording`).set('Authorization', `Bearer ${mintToken(TEST_JWT_SECRET, who)}`);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await req.buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const bytes = res.body as Buffer;
    const error = () => (JSON.parse(bytes.toString('utf8')) as { error: string }).error;
    return { status: res.status, headers: res.headers as Record<string, string>, bytes, error };
  };
  const call = (callId: string, agentId: string, recording?: Record<string, unknown>) => [
    { eventId: `${callId}-a`, callId, type: 'call.answered', occurredAt: at(0), agentId, queue: 'sales', data: {} },
    { eventId: `${callId}-e`, callId, type: 'call.ended', occurredAt: at(60), agentId, data: { endedBy: 'caller', ...(recording ? { recording } : {}) } },
  ];

  beforeAll(async () => {
    top = await mkdtemp(join(tmpdir(), 'telephony-recordings-'));
    dir = join(top, 'tenant-a');
    await mkdir(join(dir, '2026/10'), { recursive: true });
    await copyFile(FIXTURE, join(dir, '2026/10/c-play.wav'));
    wav = await readFile(FIXTURE);
    await writeFile(join(top, 'secret.wav'), 'not yours');
    await symlink(join(top, 'secret.wav'), join(dir, 'escape.wav'));
    await writeFile(join(dir, 'c-mp3.mp3'), Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000'));

    t = await startTelephony({ recordingsDir: dir });
    for (const e of agentUpsertedEvents()) await t.js.publish('attendance.agent.upserted', e, e.eventId);
    const events = [
      ...call('c-play', 'A1', { uri: `file://${dir}/2026/10/c-play.wav`, durationMs: 3_082, channels: 1, format: 'wav' }),
      ...call('c-mp3', 'A1', { uri: `${dir}/c-mp3.mp3` }), // an absolute path inside the directory
      ...call('c-climb', 'A1', { uri: `file://${dir}/../secret.wav` }),
      ...call('c-outside', 'A1', { uri: join(top, 'secret.wav') }),
      ...call('c-symlink', 'A1', { uri: `file://${dir}/escape.wav` }),
      ...call('c-s3', 'A1', { uri: 's3://connect-bucket/connect/demo/CallRecordings/c-s3.wav' }),
      ...call('c-gone', 'A1', { uri: `file://${dir}/2026/10/never-written.wav` }),
      ...call('c-none', 'A1'),
    ];
    await request(t.url).post('/v1/call-events').set('Authorization', `Bearer ${t.token()}`).send(events).expect(202);
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.call_facts`)).length === 8 && (await t.env.query(`SELECT 1 FROM telephony.call_dirty`)).length === 0, 'the calls derived');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.agent_team`)).length === PEOPLE.length, 'telephony’s copy of the directory');
  });
  afterAll(async () => {
    await t?.close();
    await rm(top, { recursive: true, force: true });
  });

  it('plays the whole WAV: the file’s bytes, audio/wav, ranges offered', async () => {
    const res = await play('c-play', PERSONAS.manager);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(wav.length));
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.bytes.equals(wav)).toBe(true);
    expect([res.bytes.subarray(0, 4).toString('latin1'), res.bytes.subarray(8, 16).toString('latin1')]).toEqual(['RIFF', 'WAVEfmt ']);
    expect(res.bytes.readUInt32LE(24)).toBe(8_000); // the sample rate the header promises
    // HEAD: what a player asks first — the same headers, no body.
    const head = await request(t.url).head('/v1/calls/c-play/recording').set('Authorization', `Bearer ${mintToken(TEST_JWT_SECRET, PERSONAS.admin)}`);
    expect([head.status, head.headers['content-length'], head.headers['accept-ranges'], head.headers['content-type']]).toEqual([200, String(wav.length), 'bytes', 'audio/wav']);
  });

  it('answers a range with 206 and exactly those bytes, a suffix range, and 416 past the end', async () => {
    const part = await play('c-play', PERSONAS.admin, { Range: 'bytes=44-1043' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 44-1043/${wav.length}`);
    expect(part.headers['content-length']).toBe('1000');
    expect(part.bytes.equals(wav.subarray(44, 1044))).toBe(true);
    const tail = await play('c-play', PERSONAS.admin, { Range: 'bytes=-10' });
    expect([tail.status, tail.headers['content-range']]).toEqual([206, `bytes ${wav.length - 10}-${wav.length - 1}/${wav.length}`]);
    expect(tail.bytes.equals(wav.subarray(wav.length - 10))).toBe(true);
    const past = await play('c-play', PERSONAS.admin, { Range: `bytes=${wav.length}-` });
    expect([past.status, past.headers['content-range'], past.error()]).toEqual([416, `bytes */${wav.length}`, 'TELEPHONY.RANGE_NOT_SATISFIABLE']);
    // Resuming a copy of another version: the whole current file.
    const stale = await play('c-play', PERSONAS.admin, { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect([stale.status, stale.bytes.length]).toEqual([200, wav.length]);
    const fresh = await play('c-play', PERSONAS.admin, { Range: 'bytes=0-9', 'If-Range': part.headers.etag });
    expect([fresh.status, fresh.bytes.toString('latin1', 0, 4)]).toEqual([206, 'RIFF']);
  });

  it('takes the type from the file: an MP3 is audio/mpeg', async () => {
    const res = await play('c-mp3', PERSONAS.admin);
    expect([res.status, res.headers['content-type'], res.bytes.toString('latin1', 0, 3)]).toEqual([200, 'audio/mpeg', 'ID3']);
  });

  it('never leaves the recordings directory: .., another absolute path and a symlink out are refused alike', async () => {
    for (const callId of ['c-climb', 'c-outside', 'c-symlink']) {
      const res = await play(callId, PERSONAS.admin);
      expect([callId, res.status, res.error()]).toEqual([callId, 403, 'TELEPHONY.RECORDING_PATH_REFUSED']);
      expect(res.bytes.toString('utf8')).not.toContain('not yours');
    }
  });

  it('says what is missing (404) and which store it cannot read yet (501)', async () => {
    const answers = await Promise.all(['c-gone', 'c-none', 'no-such-call', 'c-s3'].map(async (id) => {
      const res = await play(id, PERSONAS.admin);
      return [id, res.status, res.error()];
    }));
    expect(answers).toEqual([
      ['c-gone', 404, 'TELEPHONY.RECORDING_FILE_MISSING'], ['c-none', 404, 'TELEPHONY.RECORDING_NOT_FOUND'],
      ['no-such-call', 404, 'TELEPHONY.CALL_NOT_FOUND'], ['c-s3', 501, 'TELEPHONY.RECORDING_STORE_UNSUPPORTED'],
    ]);
  });

  it('plays to the agent on the call, their team’s supervisor and QA, managers and admins; refuses the rest', async () => {
    const A3 = { sub: 'A3', roles: ['agent'], agentId: 'A3' } satisfies Persona;
    const S02 = { sub: 'S02', roles: ['supervisor'] } satisfies Persona;
    const who: Array<[string, Persona]> = [
      ['agent A1', PERSONAS.agent], ['agent A3', A3], ['supervisor S01 (T1)', PERSONAS.supervisor], ['supervisor S02 (T2)', S02],
      ['qa Q01 (T1)', PERSONAS.qa], ['stranger', PERSONAS.stranger], ['manager', PERSONAS.manager], ['hr', PERSONAS.hr],
      ['telephony', { sub: 'pbx', roles: ['telephony'] }],
    ];
    const seen = await Promise.all(who.map(async ([name, persona]) => {
      const res = await play('c-play', persona, { Range: 'bytes=0-3' });
      return [name, res.status === 206 ? res.bytes.toString('latin1') : `${res.status} ${res.error()}`];
    }));
    expect(seen).toEqual([
      ['agent A1', 'RIFF'], ['agent A3', '403 AUTH.NOT_YOUR_RECORD'], ['supervisor S01 (T1)', 'RIFF'], ['supervisor S02 (T2)', '403 AUTH.OUTSIDE_YOUR_TEAM'],
      ['qa Q01 (T1)', 'RIFF'], ['stranger', '403 AUTH.OUTSIDE_YOUR_TEAM'], ['manager', 'RIFF'], ['hr', '403 AUTH.FORBIDDEN'],
      ['telephony', '403 AUTH.FORBIDDEN'],
    ]);
  });
});
