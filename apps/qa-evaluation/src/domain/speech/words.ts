/**
 * Turning text into words for matching. A `WordSegmenter` folds text (traditional → simplified, full-width →
 * half-width, lower case) and cuts it into words, punctuation and spaces dropped. Matching is on those words:
 * a phrase matches where its folded text starts and ends on word boundaries, so 「不行」 is found in 「这样不行的」
 * (这样|不行|的) but not in 「不行驶」 (不|行驶), while a phrase the segmenter cuts into several words (不知道 →
 * 不|知道) still matches them in a row.
 */
export interface WordSegmenter {
  /** The folded words of `text`, in order, without punctuation or spaces. */
  words(text: string): string[];
  /** `words` of each text, the same as one by one (a segmenter may cut them in one pass). */
  wordsOfEach(texts: readonly string[]): string[][];
  /** `text` folded the same way, punctuation and spaces removed: what a phrase is matched as. */
  fold(text: string): string;
}

/** Letters (any script) and digits: what is left of a word once punctuation and spaces are dropped. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const HAS_NOT_WORD = /[^\p{L}\p{N}]/u;
export const stripNonWord = (text: string): string => (HAS_NOT_WORD.test(text) ? text.replace(NOT_WORD, '') : text);

/** A run of words as one string, with the offsets where words start or end. */
export interface WordText {
  /** The words joined, nothing between them. */
  content: string;
  /** `edge[i]` is true when offset `i` of `content` is the start or end of a word. */
  edge: Uint8Array;
  words: string[];
}

export function wordText(words: string[]): WordText {
  const content = words.join('');
  const edge = new Uint8Array(content.length + 1);
  let at = 0;
  edge[0] = 1;
  for (const w of words) {
    at += w.length;
    edge[at] = 1;
  }
  return { content, edge, words };
}

/** Every match of the folded `phrase` in `text` that starts and ends on word boundaries: [start, end) offsets. */
export function findPhrase(text: WordText, phrase: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (phrase === '') return out;
  for (let at = text.content.indexOf(phrase); at >= 0; at = text.content.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if (text.edge[at] && text.edge[end]) out.push([at, end]);
  }
  return out;
}

/** The words of `text` that lie within [start, end) (a match's words, as the evidence names them). */
export function wordsBetween(text: WordText, start: number, end: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (const w of text.words) {
    if (at >= start && at + w.length <= end) out.push(w);
    at += w.length;
    if (at >= end) break;
  }
  return out;
}
