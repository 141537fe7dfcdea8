import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import * as OpenCC from 'opencc-js';
import { stripNonWord, type WordSegmenter } from './words';

/** Traditional Chinese (Taiwan, Hong Kong and OpenCC's standard forms) to simplified, character by character. */
let toSimplified: ((text: string) => string) | undefined;
/** One segmenter per tenant dictionary; building one loads jieba's 35 MB dictionary, so only the latest is kept. */
let current: { key: string; jieba: Jieba } | undefined;

const WEIGHT = 1_000_000; // a tenant word outweighs any split of it the base dictionary offers

function jiebaFor(dictionary: readonly string[]): Jieba {
  const key = dictionary.join('\n');
  if (current?.key === key) return current.jieba;
  const jieba = Jieba.withDict(dict);
  // The tenant's words are folded too, so 「不行寶」 in a policy matches 「不行宝」 in a transcript.
  if (dictionary.length) jieba.loadDict(Buffer.from(dictionary.map((w) => `${fold(w)} ${WEIGHT} n`).join('\n'), 'utf8'));
  current = { key, jieba };
  return jieba;
}

function fold(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text.normalize('NFKC')).toLowerCase();
}

/**
 * Chinese words by jieba (`@node-rs/jieba`, dictionary only: no HMM guessing of new words, so a tenant's
 * dictionary decides what is one word) after folding with OpenCC (`opencc-js`). Built lazily: a service that
 * never checks a transcript never loads the dictionary.
 */
export function chineseWords(dictionary: readonly string[] = []): WordSegmenter {
  const jieba = jiebaFor(dictionary);
  return {
    words: (text) => {
      const out: string[] = [];
      for (const w of jieba.cut(fold(text), false)) {
        const kept = stripNonWord(w);
        if (kept) out.push(kept);
      }
      return out;
    },
    // One conversion and one cut for a whole transcript (a call into the native segmenter costs more than
    // its work on one short segment): the texts joined by line breaks, which jieba never joins to a word.
    wordsOfEach: (texts) => {
      if (texts.length === 0) return [];
      const out: string[][] = [[]];
      for (const w of jieba.cut(fold(texts.map((t) => t.replace(LINE_BREAKS, ' ')).join('\n')), false)) {
        if (w.includes('\n')) {
          for (let k = countBreaks(w); k > 0; k--) out.push([]);
          continue;
        }
        const kept = stripNonWord(w);
        if (kept) out[out.length - 1].push(kept);
      }
      return out;
    },
    fold: (text) => stripNonWord(fold(text)),
  };
}

const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/g;
function countBreaks(w: string): number {
  let n = 0;
  for (const c of w) if (c === '\n') n++;
  return n;
}
