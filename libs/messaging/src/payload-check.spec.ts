import { PayloadCheck } from './payload-check';

describe('PayloadCheck: incoming events against their contract schemas', () => {
  const check = new PayloadCheck();
  const evaluation = {
    eventId: 'evaluation-e1-v1', schemaVersion: 1, evaluationId: 'e1', callId: 'c1', agentId: 'A1', formId: 'f', formVersion: 1,
    score: 8, maxScore: 10, percent: 80, criticalFail: false, evaluatedAt: '2026-10-01T02:00:00.000Z', evaluatorId: 'q1', version: 1,
  };

  it('passes a conforming payload, and one with extra fields (producers may add them)', () => {
    expect(check.problems('qa.evaluation.finalized', evaluation)).toEqual([]);
    expect(check.problems('qa.evaluation.revised', { ...evaluation, version: 2, addedLater: 'x' })).toEqual([]);
  });

  it('names every missing or mistyped field by path', () => {
    const { evaluationId: _gone, ...rest } = evaluation;
    expect(check.problems('qa.evaluation.finalized', { ...rest, score: '8', schemaVersion: 2 })).toEqual(
      expect.arrayContaining([
        { path: 'evaluationId', message: 'required' },
        { path: 'score', message: 'must be number' },
        { path: 'schemaVersion', message: 'must be equal to constant' },
      ]),
    );
    expect(check.problems('qa.evaluation.finalized', 'text')).toEqual([{ path: 'payload', message: 'must be object' }]);
  });

  it('checks a subject with a varying token by its catalogue address, and lets a subject without a contract type pass', () => {
    expect(check.problems('alerts.ring-limit', { alertId: 'a' }).map((p) => p.path)).toContain('kind');
    expect(check.problems('telephony.ingest', { anything: true })).toEqual([]);
    expect(check.problems('qa.probe.ping', { key: 'x' })).toEqual([]);
  });
});
