import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SPEECH_POLICY } from '../speech-policy';
import { readAliyunParaformer } from './aliyun-paraformer';
import { readAmazonTranscribe } from './amazon-transcribe';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures', name), 'utf8'));
const limits = DEFAULT_SPEECH_POLICY.limits;

describe('Amazon Transcribe Call Analytics output (golden, the documented Transcript[] shape)', () => {
  const read = readAmazonTranscribe(fixture('amazon-transcribe-call-analytics.golden.json'), limits);

  it('turns AGENT and CUSTOMER turns into segments, with the job name as the call and sentiment kept', () => {
    expect(read.problems).toEqual([]);
    expect(read.callId).toBe('c-aws-1');
    expect(read.source).toBe('amazon-transcribe');
    expect(read.segments).toEqual([
      { speaker: 'agent', startMs: 410, endMs: 3120, text: '您好，很高兴为您服务！', sentiment: 'positive' },
      { speaker: 'customer', startMs: 3600, endMs: 9870, text: '我上周买的空调一直不制冷，我很不满意。', sentiment: 'negative' },
      { speaker: 'agent', startMs: 10200, endMs: 14650, text: '非常抱歉给您带来不便，我马上帮您查询。', sentiment: 'neutral' },
      { speaker: 'agent', startMs: 171000, endMs: 176400, text: '谢谢您的来电，请您对我的服务进行评价！再见。', sentiment: 'positive' },
    ]);
  });

  it('reports the other turns at their own paths with stable codes, keeping the rest', () => {
    expect(read.rejected).toEqual([
      { index: 3, errors: [expect.objectContaining({ code: 'QA.SEGMENT_SPEAKER_UNKNOWN', path: 'Transcript[3].ParticipantRole' })] },
      { index: 4, errors: [expect.objectContaining({ code: 'QA.SEGMENT_TIME_INVALID', path: 'Transcript[4].EndOffsetMillis' })] },
    ]);
  });

  it('refuses a document that is not Call Analytics output', () => {
    expect(readAmazonTranscribe({ results: { transcripts: [] } }, limits).problems).toEqual([expect.objectContaining({ code: 'QA.TRANSCRIPT_FORMAT_INVALID', path: 'Transcript' })]);
  });
});

describe('Alibaba Cloud recording-file recognition (Paraformer) result (golden, transcripts[].sentences[] per channel_id)', () => {
  const read = readAliyunParaformer(fixture('aliyun-paraformer.golden.json'), limits, DEFAULT_SPEECH_POLICY.channelSpeakers);

  it('gives channel 0 to the agent and channel 1 to the customer by default, in time order', () => {
    expect(read.problems).toEqual([]);
    expect(read.source).toBe('aliyun-paraformer');
    expect(read.segments).toEqual([
      { speaker: 'agent', startMs: 380, endMs: 2960, text: '您好，很高兴为您服务！' },
      { speaker: 'customer', startMs: 3500, endMs: 9800, text: '我的快递三天了还没到，我要投诉。' },
      { speaker: 'agent', startMs: 20100, endMs: 23500, text: '这个不行，我不清楚。' },
      { speaker: 'agent', startMs: 58800, endMs: 63900, text: '谢谢您的来电，请您对我的服务进行评价！' },
    ]);
  });

  it('reports bad sentences at their paths (index over all sentences), keeping the rest', () => {
    expect(read.rejected).toEqual([
      { index: 2, errors: [expect.objectContaining({ code: 'QA.SEGMENT_TIME_INVALID', path: 'transcripts[0].sentences[2].end_time' })] },
      { index: 5, errors: [expect.objectContaining({ code: 'QA.SEGMENT_TEXT_INVALID', path: 'transcripts[1].sentences[1].text' })] },
    ]);
  });

  it('follows the tenant\'s channel mapping, and keeps the other channels when one cannot be read', () => {
    const swapped = readAliyunParaformer(fixture('aliyun-paraformer.golden.json'), limits, { 0: 'customer', 1: 'agent' });
    expect(swapped.segments.map((s) => s.speaker)).toEqual(['customer', 'agent', 'customer', 'customer']);
    const broken = readAliyunParaformer({ transcripts: [{ channel_id: 0, sentences: [{ begin_time: 0, end_time: 900, text: '您好' }] }, { channel_id: 1 }] }, limits, { 0: 'agent' });
    expect(broken.segments).toEqual([{ speaker: 'agent', startMs: 0, endMs: 900, text: '您好' }]);
    expect(broken.rejected).toEqual([{ index: 1, errors: [expect.objectContaining({ code: 'QA.TRANSCRIPT_FORMAT_INVALID', path: 'transcripts[1].sentences' })] }]);
  });
});
