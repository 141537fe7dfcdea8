import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSummarizedEvent } from '../summarize/to-summarized-event';
import { deriveCallFacts } from '../domain/facts/derive-call-facts';
import { validateCallEvents } from '../domain/events/validate-call-event';
import { DEFAULT_TELEPHONY_POLICY as P } from '../domain/telephony-policy';
import { parseConnectCtrs } from './amazon-connect-ctr';
import { mixMonitorFiles, parseQueueLog } from './asterisk-queue-log';

const connect = parseConnectCtrs(JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/amazon-connect-ctrs-recordings.golden.json'), 'utf8')) as unknown[]);
const connectValid = validateCallEvents(connect.events);
const factsOf = (valid: ReturnType<typeof validateCallEvents>['valid'], callId: string) => deriveCallFacts(valid.filter((e) => e.callId === callId), P);

describe('recordings from Amazon Connect contact trace records (golden)', () => {
  it('keeps every record\'s events valid and puts the recording on the end event', () => {
    expect(connectValid.rejected).toEqual([]);
    expect(connect.unparseable).toEqual([]);
    expect(connect.events.find((e) => e.eventId === 'ctr-c-rec1-ended')?.data).toEqual({
      endedBy: 'caller', talkMs: 170_000,
      recording: { uri: 's3://amazon-connect-1a2b/connect/cc-demo/CallRecordings/2026/10/05/c-rec1_20261005T01:00_UTC.wav', channels: 2, format: 'wav', durationMs: 172_000 },
    });
  });

  it('Recordings[] (with its start and stop) wins over the older Recording; Recording.Location alone gives no length', () => {
    expect(factsOf(connectValid.valid, 'c-rec1').recording).toEqual({
      uri: 's3://amazon-connect-1a2b/connect/cc-demo/CallRecordings/2026/10/05/c-rec1_20261005T01:00_UTC.wav', durationMs: 172_000, channels: 2, format: 'wav',
    });
    expect(factsOf(connectValid.valid, 'c-rec2').recording).toEqual({
      uri: 's3://amazon-connect-1a2b/connect/cc-demo/CallRecordings/2026/10/05/c-rec2_20261005T02:00_UTC.wav', durationMs: null, channels: 2, format: 'wav',
    });
  });

  it('a deleted recording or a video stream is no call recording', () => {
    expect(factsOf(connectValid.valid, 'c-rec3')).not.toHaveProperty('recording');
    expect(connect.events.filter((e) => e.callId === 'c-rec3').every((e) => !('recording' in e.data))).toBe(true);
  });

  it('is published on telephony.call.summarized, and absent from calls without one', () => {
    expect(toSummarizedEvent(factsOf(connectValid.valid, 'c-rec2'), 1, 'default-1').recording).toEqual({
      uri: 's3://amazon-connect-1a2b/connect/cc-demo/CallRecordings/2026/10/05/c-rec2_20261005T02:00_UTC.wav', durationMs: null, channels: 2, format: 'wav',
    });
    expect(toSummarizedEvent(factsOf(connectValid.valid, 'c-rec3'), 1, 'default-1')).not.toHaveProperty('recording');
  });
});

describe('recordings of Asterisk queue calls (MixMonitor file naming)', () => {
  const log = [
    '1730000005|1730000005.1|sales|NONE|ENTERQUEUE||13800000001|1',
    '1730000015|1730000005.1|sales|SIP/1001|CONNECT|10|1730000008.2|7',
    '1730000075|1730000005.1|sales|SIP/1001|COMPLETECALLER|10|60|1',
    '1730000100|1730000100.3|sales|NONE|ENTERQUEUE||13800000002|1',
    '1730000125|1730000100.3|sales|Agent/1003|CONNECT|25|1730000119.4|5',
    '1730000245|1730000100.3|sales|Agent/1003|COMPLETEAGENT|25|x|1',
  ].join('\n');

  it('queue_log names no recording: without the policy\'s asteriskMixMonitor the calls carry none', () => {
    expect(parseQueueLog(log).events.some((e) => 'recording' in e.data)).toBe(false);
  });

  it('with it, each completed call carries <uriPrefix>/<uniqueid>.<format>, one mixed channel, calltime as its length', () => {
    const result = parseQueueLog(log, { mixMonitor: { uriPrefix: 'file:///var/spool/asterisk/monitor/', format: 'wav' } });
    const { valid, rejected } = validateCallEvents(result.events);
    expect(rejected).toEqual([]);
    expect(factsOf(valid, '1730000005.1').recording).toEqual({ uri: 'file:///var/spool/asterisk/monitor/1730000005.1.wav', durationMs: 60_000, channels: 1, format: 'wav' });
    // An unreadable calltime costs the recording its length, never the call its end.
    expect(factsOf(valid, '1730000100.3')).toMatchObject({ endedBy: 'agent', recording: { uri: 'file:///var/spool/asterisk/monitor/1730000100.3.wav', durationMs: null } });
  });

  it('reads the policy setting defensively: a prefix and a short format, or nothing', () => {
    expect(mixMonitorFiles({ uriPrefix: 'file:///r', format: 'gsm' })).toEqual({ uriPrefix: 'file:///r', format: 'gsm' });
    for (const bad of [null, undefined, {}, { uriPrefix: '', format: 'wav' }, { uriPrefix: '/r', format: '../x' }, 'wav']) expect(mixMonitorFiles(bad)).toBeUndefined();
  });
});

describe('data.recording on a canonical event', () => {
  const base = { callId: 'c-r', type: 'call.ended', occurredAt: '2026-10-05T09:19:00+08:00', agentId: 'A1001' };
  const check = (recording: unknown) => validateCallEvents([{ ...base, eventId: 'e1', data: { endedBy: 'caller', recording } }]);

  it('is kept on any type, only its four fields, and the latest event carrying one gives the call\'s', () => {
    const first = validateCallEvents([
      { ...base, eventId: 'r1', type: 'call.answered', occurredAt: '2026-10-05T09:15:00+08:00', data: { recording: { uri: 's3://b/early.wav', extra: 1 } } },
      { ...base, eventId: 'r2', data: { endedBy: 'caller', recording: { uri: 's3://b/final.wav', durationMs: 240_000, channels: 2, format: 'wav' } } },
    ]);
    expect(first.rejected).toEqual([]);
    expect(first.valid[0].data).toEqual({ recording: { uri: 's3://b/early.wav' } });
    expect(deriveCallFacts(first.valid, P).recording).toEqual({ uri: 's3://b/final.wav', durationMs: 240_000, channels: 2, format: 'wav' });
  });

  it.each([
    ['no uri', { durationMs: 5 }, 'events[0].data.recording.uri', 'TELEPHONY.RECORDING_INVALID'],
    ['a relative path', { uri: 'relative/path.wav' }, 'events[0].data.recording.uri', 'TELEPHONY.RECORDING_INVALID'],
    ['a uri past 2,000 characters', { uri: `s3://${'x'.repeat(2_000)}` }, 'events[0].data.recording.uri', 'TELEPHONY.TEXT_TOO_LONG'],
    ['a NUL in the uri', { uri: 's3://b/a\u0000.wav' }, 'events[0].data.recording.uri', 'TELEPHONY.TEXT_NOT_PRINTABLE'],
    ['a negative length', { uri: 's3://b/a.wav', durationMs: -1 }, 'events[0].data.recording.durationMs', 'TELEPHONY.NUMBER_OUT_OF_RANGE'],
    ['no channel', { uri: 's3://b/a.wav', channels: 0 }, 'events[0].data.recording.channels', 'TELEPHONY.NUMBER_OUT_OF_RANGE'],
    ['a format with spaces', { uri: 's3://b/a.wav', format: 'w a v' }, 'events[0].data.recording.format', 'TELEPHONY.RECORDING_INVALID'],
    ['a bare string', 's3://b/a.wav', 'events[0].data.recording', 'TELEPHONY.RECORDING_INVALID'],
  ])('refuses %s at its path with a stable code', (_label, recording, path, code) => {
    expect(check(recording).rejected[0].errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it('null means none', () => {
    expect(check(null).valid[0].data).toEqual({ endedBy: 'caller' });
  });
});
