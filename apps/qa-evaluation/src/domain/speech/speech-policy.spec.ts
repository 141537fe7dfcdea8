import { CALL_QA_FORM } from '../forms/seeded-forms';
import { allItems } from '../forms/form';
import { alertKinds, checkProblem, DEFAULT_SPEECH_POLICY, readSpeechPolicy } from './speech-policy';

describe('the speech section of the QA policy', () => {
  it('ties every default check to an item of the seeded call-QA form (the customer\'s words to none)', () => {
    const items = new Set(allItems(CALL_QA_FORM).map(({ item }) => item.itemId));
    for (const c of DEFAULT_SPEECH_POLICY.checks) {
      expect(checkProblem(c)).toBeNull();
      if (c.itemId !== null) expect(items).toContain(c.itemId);
    }
    expect(DEFAULT_SPEECH_POLICY.checks.filter((c) => c.itemId === null).map((c) => c.id)).toEqual(['complaint-risk']);
    expect(alertKinds(DEFAULT_SPEECH_POLICY)).toEqual(['qa.forbidden-phrase', 'qa.complaint-risk']);
  });

  it('reads a stored section field by field: a bad check is left out, a mistyped field keeps its default', () => {
    const read = readSpeechPolicy({
      dictionary: ['不可以贷'],
      channelSpeakers: 'zero',
      samplingWeight: -1,
      limits: { maxSegments: 100, maxDurationMs: 'long' },
      checks: [
        { id: 'forbidden', type: 'phrase-absent', signal: 'forbidden-phrase', itemId: 'dont-harsh-words', speaker: 'agent', phrases: ['没办法'] },
        { id: 'broken', type: 'phrase-absent', signal: 'forbidden-phrase', speaker: 'robot', phrases: ['x'] },
        { id: 'odd', type: 'sing', signal: 'x' },
      ],
    });
    expect(read.dictionary).toEqual(['不可以贷']);
    expect(read.channelSpeakers).toEqual(DEFAULT_SPEECH_POLICY.channelSpeakers);
    expect(read.samplingWeight).toBe(8);
    expect(read.limits).toEqual({ ...DEFAULT_SPEECH_POLICY.limits, maxSegments: 100 });
    expect(read.checks.map((c) => c.id)).toEqual(['forbidden']);
    expect(readSpeechPolicy(undefined)).toEqual(DEFAULT_SPEECH_POLICY);
  });
});
