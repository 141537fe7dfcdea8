import request from 'supertest';
import { waitFor } from '../../../tests/support/wait-for';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/** A call's recording (contracts.md third round): `data.recording` on a call event, kept on the facts, published. */
describe('telephony-events keeps the recording of a call (real NATS, real PostgreSQL)', () => {
  let t: TelephonyHarness;
  const post = (path: string, body: unknown, type = 'application/json') =>
    request(t.url).post(path).set('Authorization', `Bearer ${t.token()}`).set('Content-Type', type).send(body as object);
  const at = (s: number) => new Date(Date.UTC(2026, 9, 5, 1, 0, 0) + s * 1000).toISOString();

  beforeAll(async () => {
    t = await startTelephony();
  });
  afterAll(async () => t?.close());

  it('publishes data.recording of the latest event carrying one on telephony.call.summarized, and shows it with the call', async () => {
    const res = await post('/v1/call-events', [
      { eventId: 'r-q', callId: 'c-rec', type: 'call.queued', occurredAt: at(0), queue: 'sales', data: {} },
      { eventId: 'r-a', callId: 'c-rec', type: 'call.answered', occurredAt: at(10), agentId: 'A1001', data: { recording: { uri: 's3://calls/c-rec.partial.wav' } } },
      { eventId: 'r-e', callId: 'c-rec', type: 'call.ended', occurredAt: at(190), agentId: 'A1001',
        data: { endedBy: 'caller', recording: { uri: 's3://calls/2026/10/05/c-rec.wav', durationMs: 180_000, channels: 2, format: 'wav', note: 'dropped' } } },
      { eventId: 'r-bad', callId: 'c-rec', type: 'call.rated', occurredAt: at(200), data: { rating: 'good', recording: { uri: 'c-rec.wav', channels: 99 } } },
    ]).expect(202);
    expect(res.body).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(res.body.rejected).toEqual([{ index: 3, eventId: 'r-bad', errors: [
      expect.objectContaining({ path: 'events[3].data.recording.uri', code: 'TELEPHONY.RECORDING_INVALID' }),
      expect.objectContaining({ path: 'events[3].data.recording.channels', code: 'TELEPHONY.NUMBER_OUT_OF_RANGE' }),
    ] }]);
    const summary = await t.summary('c-rec');
    expect(summary.recording).toEqual({ uri: 's3://calls/2026/10/05/c-rec.wav', durationMs: 180_000, channels: 2, format: 'wav' });
    const call = await request(t.url).get('/v1/calls/c-rec').set('Authorization', `Bearer ${t.token(['supervisor'])}`).expect(200);
    expect(JSON.stringify(call.body)).toContain('s3://calls/2026/10/05/c-rec.wav');
  });

  it('a call without a recording publishes none', async () => {
    await post('/v1/call-events', [
      { eventId: 'n-a', callId: 'c-norec', type: 'call.answered', occurredAt: at(10), agentId: 'A1001', data: {} },
      { eventId: 'n-e', callId: 'c-norec', type: 'call.ended', occurredAt: at(70), agentId: 'A1001', data: { endedBy: 'agent' } },
    ]).expect(202);
    expect(await t.summary('c-norec')).not.toHaveProperty('recording');
  });

  it('takes the recording of an Amazon Connect contact trace record', async () => {
    const ctr = {
      ContactId: 'c-ctr-rec', Channel: 'VOICE', InitiationMethod: 'INBOUND',
      Agent: { Username: 'A1002', ConnectedToAgentTimestamp: at(5) }, DisconnectTimestamp: at(125), DisconnectReason: 'CUSTOMER_DISCONNECT',
      Recording: { Location: 'connect-bucket/connect/demo/CallRecordings/2026/10/05/c-ctr-rec_20261005T01:00_UTC.wav', Status: 'AVAILABLE', Type: 'AUDIO' },
    };
    await post('/v1/call-events/amazon-connect-ctr', [ctr]).expect(202);
    expect((await t.summary('c-ctr-rec')).recording).toEqual({
      uri: 's3://connect-bucket/connect/demo/CallRecordings/2026/10/05/c-ctr-rec_20261005T01:00_UTC.wav', durationMs: null, channels: 2, format: 'wav',
    });
  });

  it('names the MixMonitor file of a queue_log call when the policy says where the recordings are', async () => {
    // The tenant's setting arrives in the telephony section of scoring's policy.
    await t.js.publish('scoring.policy.activated', { policyVersion: 'rec-1', effectiveFrom: '2026-10', telephony: { asteriskMixMonitor: { uriPrefix: 'file:///var/spool/asterisk/monitor', format: 'wav' } } }, 'policy-rec-1');
    await waitFor(async () => (await t.env.query(`SELECT 1 FROM telephony.policy_copy WHERE policy_version = 'rec-1'`)).length === 1, 'the policy copy');
    const e0 = Math.floor(Date.UTC(2026, 9, 5, 2, 0, 0) / 1000);
    const log = [`${e0}|${e0}.7|sales|NONE|ENTERQUEUE||13800000007|1`, `${e0 + 8}|${e0}.7|sales|SIP/1001|CONNECT|8|x|3`, `${e0 + 98}|${e0}.7|sales|SIP/1001|COMPLETEAGENT|8|90|1`].join('\n');
    await request(t.url).post('/v1/call-events/asterisk-queue-log').set('Authorization', `Bearer ${t.token()}`).set('Content-Type', 'text/plain').send(log).expect(202);
    const summary = await waitFor(async () => (await t.summary(`${e0}.7`)).recording ?? null, 'the recording');
    expect(summary).toEqual({ uri: `file:///var/spool/asterisk/monitor/${e0}.7.wav`, durationMs: 90_000, channels: 1, format: 'wav' });
  });
});
