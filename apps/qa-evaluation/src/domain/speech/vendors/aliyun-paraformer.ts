import { isRecord, problem } from '../../validation/problems';
import { collectSegments, type SegmentCandidate, type TranscriptInput } from '../read-transcript';
import { TRANSCRIPT_CODES, type Speaker, type TranscriptLimits } from '../transcript';

/**
 * Alibaba Cloud recording-file recognition (Paraformer) result: `transcripts[]`, one per audio channel
 * (`channel_id`), each with `sentences[]` of `begin_time`, `end_time` (ms) and `text`. Who spoke on a channel is
 * the tenant's setting (`speech.channelSpeakers`, default channel 0 = agent); a channel it does not name is the
 * customer. Word lists, speaker ids and the file's properties are left alone.
 */
export function readAliyunParaformer(body: unknown, limits: TranscriptLimits, channelSpeakers: Record<string, Speaker>): TranscriptInput {
  if (!isRecord(body) || !Array.isArray(body.transcripts)) {
    return { segments: [], rejected: [], problems: [problem(TRANSCRIPT_CODES.vendorFormat, 'transcripts', 'not a recording-file recognition result: a transcripts array is required / 不是录音文件识别结果: 缺少 transcripts 数组')] };
  }
  const candidates: SegmentCandidate[] = [];
  for (const [t, channel] of body.transcripts.entries()) {
    const at = `transcripts[${t}]`;
    if (!isRecord(channel) || !Array.isArray(channel.sentences)) {
      // One unreadable channel is reported like a bad segment; the other channels are kept.
      const error = problem(TRANSCRIPT_CODES.vendorFormat, `${at}.sentences`, 'a channel needs a sentences array / 声道缺少 sentences 数组');
      candidates.push({ raw: channel, paths: { item: at, speaker: `${at}.channel_id`, startMs: at, endMs: at, text: at, confidence: at }, error });
      continue;
    }
    const channelId = channel.channel_id;
    const speaker: unknown = Number.isInteger(channelId) ? channelSpeakers[String(channelId)] ?? 'customer' : undefined;
    channel.sentences.forEach((sentence: unknown, s: number) => {
      const item = `${at}.sentences[${s}]`;
      const paths = { item, speaker: `${at}.channel_id`, startMs: `${item}.begin_time`, endMs: `${item}.end_time`, text: `${item}.text`, confidence: `${item}.confidence` };
      candidates.push({ raw: isRecord(sentence) ? { speaker, startMs: sentence.begin_time, endMs: sentence.end_time, text: sentence.text } : sentence, paths });
    });
  }
  const read = collectSegments(candidates, limits, 'transcripts');
  return { source: 'aliyun-paraformer', ...read.transcript, problems: read.problems };
}
