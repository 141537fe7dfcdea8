import { ALL_STREAMS } from '@app/contracts';
import { durableName, isTransientJetStreamError, streamFor, subjectMatches, whileJetStreamSettles } from './provisioning';

describe('subjects and streams', () => {
  it.each([
    ['telephony.>', 'telephony.call.summarized', true],
    ['telephony.>', 'telephony', false],
    ['alerts.*', 'alerts.call', true],
    ['alerts.*', 'alerts.call.x', false],
    ['qa.>', 'qa.probe.*', true],
    ['scoring.score.finalized', 'scoring.score.finalized', true],
    ['scoring.score.finalized', 'scoring.score.revised', false],
  ])('%s matches %s: %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });

  it('finds the stream that holds a subject', () => {
    expect(streamFor('telephony.call.summarized', ALL_STREAMS)?.name).toBe('TELEPHONY');
    expect(streamFor('alerts.>', ALL_STREAMS)?.name).toBe('ALERTS');
    expect(streamFor('payroll.x', ALL_STREAMS)).toBeUndefined();
  });

  it('derives durable names NATS accepts', () => {
    expect(durableName('notification', 'alerts.>')).toBe('notification__alerts_all');
    expect(durableName('scoring', 'qa.evaluation.*')).toBe('scoring__qa_evaluation_any');
  });
});

describe('a service starting while JetStream settles', () => {
  it('retries timeouts and "temporarily unavailable" with a growing pause, never a real refusal', async () => {
    let calls = 0;
    const flaky = () => {
      calls++;
      if (calls < 3) return Promise.reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));
      return Promise.resolve('ok');
    };
    await expect(whileJetStreamSettles(flaky, 10_000)).resolves.toBe('ok');
    expect(calls).toBe(3);
    let refused = 0;
    const refusal = () => {
      refused++;
      return Promise.reject(new Error('stream name already in use with a different configuration'));
    };
    await expect(whileJetStreamSettles(refusal, 10_000)).rejects.toThrow(/already in use/);
    expect(refused).toBe(1);
    expect(isTransientJetStreamError(new Error('JetStream system temporarily unavailable'))).toBe(true);
    expect(isTransientJetStreamError(new Error('stream not found'))).toBe(false);
  });
});
