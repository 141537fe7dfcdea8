import { ALL_STREAMS } from '@app/contracts';
import { durableName, streamFor, subjectMatches } from './provisioning';

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
