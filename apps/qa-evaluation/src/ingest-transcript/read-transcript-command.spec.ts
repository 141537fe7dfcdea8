import { DEFAULT_SPEECH_POLICY } from '../domain/speech/speech-policy';
import { readTranscriptCommand } from './read-transcript-command';
import { TranscriptCommand } from './transcript.command';

const limits = DEFAULT_SPEECH_POLICY.limits;
const ok = { speaker: 'agent', startMs: 0, endMs: 1000, text: '您好' };

describe('readTranscriptCommand: the envelope as the validation pipe checks it, the segments by the segment reader', () => {
  const paths = (body: unknown, at?: string) => {
    const read = readTranscriptCommand(body, limits, at);
    return read.ok ? [] : [...new Set(read.problems.map((p) => p.path))];
  };

  it('refuses a missing or unprintable call, no segment list, a bad source or an unknown field, naming each path', () => {
    expect(paths({ segments: [ok] })).toEqual(['callId']);
    expect(paths({ callId: '  ', segments: [ok] })).toEqual(['callId']);
    expect(paths({ callId: 'c\u0001', segments: [ok] })).toEqual(['callId']);
    expect(paths({ callId: 'c'.repeat(201), segments: [ok] })).toEqual(['callId']);
    expect(paths({ callId: 'c', segments: {} })).toEqual(['segments']);
    expect(paths({ callId: 'c', segments: [ok], source: 'x'.repeat(101) })).toEqual(['source']);
    expect(paths({ callId: 'c', segments: [ok], agent: 'A1' })).toEqual(['agent']);
    expect(paths('hello')).toEqual(['body']);
    expect(paths({ callId: 7, segments: [ok] }, '[3]')).toEqual(['[3].callId']);
  });

  it('gives the command with the usable segments in time order, the rest reported by index', () => {
    const read = readTranscriptCommand({ callId: 'c-1', source: 'asr-x', segments: [{ ...ok, startMs: 5000, endMs: 6000, words: [] }, { ...ok, speaker: 'bot' }, ok] }, limits);
    if (!read.ok) throw new Error('refused');
    expect(read.command).toBeInstanceOf(TranscriptCommand);
    expect(read.command.segments).toEqual([ok, { ...ok, startMs: 5000, endMs: 6000 }]);
    expect(read.input).toMatchObject({ callId: 'c-1', source: 'asr-x', problems: [], rejected: [{ index: 1, errors: [expect.objectContaining({ code: 'QA.SEGMENT_SPEAKER_UNKNOWN', path: 'segments[1].speaker' })] }] });
  });

  it('leaves too many or no usable segments to the use case, with their own codes', () => {
    const tooLong = readTranscriptCommand({ callId: 'c', segments: [ok, ok] }, { ...limits, maxSegments: 1 });
    expect(tooLong.ok && tooLong.input.problems.map((p) => p.code)).toEqual(['QA.TRANSCRIPT_TOO_LONG']);
  });
});
