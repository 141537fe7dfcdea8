import { readCanonicalSegments } from './read-transcript';
import { DEFAULT_SPEECH_POLICY } from './speech-policy';

const limits = DEFAULT_SPEECH_POLICY.limits;
const ok = { speaker: 'agent', startMs: 0, endMs: 1000, text: '您好' };

describe('readCanonicalSegments: per-segment errors with stable codes and paths, nothing good lost', () => {
  it.each([
    ['an unknown speaker', { ...ok, speaker: 'bot' }, 'QA.SEGMENT_SPEAKER_UNKNOWN', 'segments[1].speaker'],
    ['a negative start', { ...ok, startMs: -5 }, 'QA.SEGMENT_TIME_INVALID', 'segments[1].startMs'],
    ['an end before the start', { ...ok, startMs: 2000, endMs: 1000 }, 'QA.SEGMENT_TIME_INVALID', 'segments[1].endMs'],
    ['seconds as a fraction', { ...ok, endMs: 1.5 }, 'QA.SEGMENT_TIME_INVALID', 'segments[1].endMs'],
    ['a time past 12 hours', { ...ok, endMs: 12 * 3_600_000 + 1 }, 'QA.SEGMENT_TIME_OUT_OF_RANGE', 'segments[1].endMs'],
    ['empty text', { ...ok, text: '  ' }, 'QA.SEGMENT_TEXT_INVALID', 'segments[1].text'],
    ['text past 4,000 characters', { ...ok, text: '好'.repeat(4_001) }, 'QA.SEGMENT_TEXT_TOO_LONG', 'segments[1].text'],
    ['a NUL in the text', { ...ok, text: '您\u0000好' }, 'QA.SEGMENT_TEXT_NOT_PRINTABLE', 'segments[1].text'],
    ['a confidence above 1', { ...ok, confidence: 1.2 }, 'QA.SEGMENT_CONFIDENCE_OUT_OF_RANGE', 'segments[1].confidence'],
    ['not an object', 'hello', 'QA.SEGMENT_INVALID', 'segments[1]'],
  ])('%s is refused alone', (_label, bad, code, path) => {
    const { transcript, problems } = readCanonicalSegments([ok, bad, { ...ok, startMs: 1000, endMs: 2000 }], limits);
    expect(problems).toEqual([]);
    expect(transcript.segments).toHaveLength(2);
    expect(transcript.rejected).toEqual([{ index: 1, errors: [expect.objectContaining({ code, path })] }]);
  });

  it('orders segments by time and drops fields it does not know inside a segment', () => {
    const read = readCanonicalSegments([{ ...ok, startMs: 5000, endMs: 6000, words: [] }, { ...ok, confidence: 0.9 }], limits);
    expect(read).toEqual({ problems: [], transcript: { rejected: [], segments: [{ ...ok, confidence: 0.9 }, { ...ok, startMs: 5000, endMs: 6000 }] } });
  });

  it('refuses the whole transcript for too many or no usable segments', () => {
    const codes = (segments: unknown[]) => readCanonicalSegments(segments, { ...limits, maxSegments: 3 }).problems.map((p) => `${p.code} ${p.path}`);
    expect(codes([ok, ok, ok, ok])).toEqual(['QA.TRANSCRIPT_TOO_LONG segments']);
    expect(codes([{ ...ok, text: '' }])).toEqual(['QA.TRANSCRIPT_EMPTY segments', 'QA.SEGMENT_TEXT_INVALID segments[0].text']);
  });
});
