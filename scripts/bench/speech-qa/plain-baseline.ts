import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { transcriptOf } from './transcripts';

const PHRASES = ['不行', '不知道', '不可以', '这不是我负责', '我不清楚', '投诉', '不满意', '您好很高兴为您服务', '谢谢您的来电请您对我的服务进行评价'];

/**
 * The plain loop: the same transcripts, each segment cut into words by jieba and every phrase looked for in the
 * joined words — no folding, no word boundaries, no HTTP, no database. Calls per second.
 */
export function plainLoop(from: number, count: number): { perSecond: number; hits: number } {
  const jieba = Jieba.withDict(dict);
  let hits = 0;
  const started = performance.now();
  for (let i = from; i < from + count; i++) {
    for (const s of transcriptOf(i).segments) {
      const joined = jieba.cut(s.text, false).join('');
      for (const p of PHRASES) if (joined.includes(p)) hits++;
    }
  }
  return { perSecond: count / ((performance.now() - started) / 1000), hits };
}
