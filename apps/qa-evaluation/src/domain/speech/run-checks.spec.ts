import { chineseWords } from './chinese-words';
import { runChecks, type CheckOutcome } from './run-checks';
import { DEFAULT_SPEECH_POLICY, type SpeechCheck, type SpeechPolicy } from './speech-policy';
import { inTimeOrder, type Segment, type Speaker } from './transcript';

const seg = (speaker: Speaker, startS: number, endS: number, text: string): Segment => ({ speaker, startMs: Math.round(startS * 1000), endMs: Math.round(endS * 1000), text });
const check = (id: string): SpeechCheck => DEFAULT_SPEECH_POLICY.checks.find((c) => c.id === id)!;
const policyOf = (checks: SpeechCheck[], over: Partial<SpeechPolicy> = {}): SpeechPolicy => ({ ...DEFAULT_SPEECH_POLICY, checks, ...over });
const run = (segments: Segment[], checks: SpeechCheck[], dictionary: string[] = []): CheckOutcome[] =>
  runChecks(inTimeOrder(segments), policyOf(checks, { dictionary }), chineseWords(dictionary));
const one = (segments: Segment[], id: string, dictionary: string[] = []) => run(segments, [check(id)], dictionary)[0];

describe('forbidden phrases match whole words, never inside a longer word', () => {
  // [agent text, what the forbidden checks (refusal + shirking) find: the words of each hit]
  const cases: Array<[string, string[][]]> = [
    ['这样不行的', [['不行']]],
    ['不行，这个不可以', [['不行'], ['不', '可以']]],
    ['我不知道', [['不', '知道']]],
    ['這不是我負責，我不清楚', [['这', '不是', '我', '负责'], ['我', '不', '清楚']]], // traditional, folded to simplified
    ['這樣不行', [['不行']]],
    ['这辆车不行驶了', []], // 不|行驶: 「不行」 would end inside 行驶
    ['行不行啊', []], // 行不行 is one word
    ['这样可不可以', []], // 可不可以 is one word
    ['您知道吗', []],
    ['我不太清楚', []], // not the phrase 我不清楚
    ['ＯＫ，不可以', [['不', '可以']]], // full-width folded
  ];
  it.each(cases)('%s → %j', (text, words) => {
    const hits = run([seg('agent', 0, 4, text)], [check('forbidden-refusal'), check('forbidden-shirking')]).flatMap((o) => o.hits);
    expect(hits.map((h) => h.matched)).toEqual(words);
  });

  it('a tenant\'s dictionary keeps a product name whole: 「不可以贷」 is not 「不可以」', () => {
    const text = [seg('agent', 0, 4, '欢迎使用不可以贷')];
    expect(one(text, 'forbidden-refusal').hits).toHaveLength(1);
    expect(one(text, 'forbidden-refusal', ['不可以贷'])).toMatchObject({ passed: true, hits: [] });
    expect(one([seg('agent', 0, 4, '這個不可以')], 'forbidden-refusal', ['不可以貸']).hits).toHaveLength(1); // the word itself, not a ban
  });

  it('each hit carries its evidence: the segment (index in time order), its time, the words matched and the phrase', () => {
    const o = one([seg('customer', 0, 3, '我想问一下'), seg('agent', 3.2, 6.5, '这个我也不知道'), seg('agent', 7, 9, '真的不行')], 'forbidden-refusal');
    expect(o).toMatchObject({ passed: false, hitCount: 2, signal: 'forbidden-phrase', itemId: 'dont-harsh-words' });
    expect(o.hits).toEqual([
      { check: 'forbidden-refusal', kind: 'forbidden-phrase', segment: 1, startMs: 3200, endMs: 6500, matched: ['不', '知道'], phrase: '不知道' },
      { check: 'forbidden-refusal', kind: 'forbidden-phrase', segment: 2, startMs: 7000, endMs: 9000, matched: ['不行'], phrase: '不行' },
    ]);
  });

  it('only the named speaker counts: the customer saying 不行 is no forbidden phrase; the agent saying 投诉 no complaint risk', () => {
    expect(one([seg('customer', 0, 2, '那不行'), seg('agent', 2, 4, '好的')], 'forbidden-refusal')).toMatchObject({ passed: true, hits: [] });
    expect(one([seg('agent', 0, 2, '您可以投诉'), seg('customer', 2, 4, '好的')], 'complaint-risk')).toMatchObject({ passed: true, hits: [] });
    expect(one([seg('agent', 0, 2, '您好'), seg('customer', 2, 4, '我要投訴，我非常不滿意')], 'complaint-risk').hits.map((h) => h.matched)).toEqual([['投诉'], ['不', '满意']]);
  });

  it('cannot tell when the speaker never speaks', () => {
    expect(one([seg('customer', 0, 2, '喂？')], 'forbidden-refusal').passed).toBeNull();
  });
});

describe('scripts in the first / last N seconds', () => {
  const opening = (startS: number, text = '您好，很高兴为您服务！') => one([seg('agent', startS, startS + 3, text), seg('customer', startS + 3, 40, '我想查订单')], 'opening-script');

  it.each([
    [0, true], [14.999, true], [15, false], [20, false], // a segment starting before 15 s is in the first 15 s
  ])('an opening starting at %s s → %s', (startS, passed) => {
    expect(opening(startS).passed).toBe(passed);
  });

  it('matches traditional text and a recogniser\'s split of the sentence within one turn, not across the customer', () => {
    expect(opening(1, '您好，很高興為您服務！').passed).toBe(true);
    expect(one([seg('agent', 0, 1, '您好，'), seg('agent', 1.2, 3, '很高兴为您服务！'), seg('customer', 3, 9, '嗯')], 'opening-script')).toMatchObject({
      passed: true, hits: [{ segment: 0, startMs: 0, endMs: 3000, matched: ['您好', '很', '高兴', '为您服务'] }],
    });
    expect(one([seg('agent', 0, 1, '您好，'), seg('customer', 1, 1.5, '喂'), seg('agent', 1.6, 3, '很高兴为您服务！')], 'opening-script').passed).toBe(false);
    expect(opening(1, '你好，很高兴为你服务！').passed).toBe(false); // the script says 您
  });

  it.each([
    // the call ends at 200 s: the last 30 s are the segments ending after 170 s
    [169.9, false], [170, false], [170.001, true], [196, true],
  ])('a closing ending at %s s of a 200 s call → %s', (endS, passed) => {
    const segments = [seg('agent', 0, 3, '您好'), seg('agent', endS - 4, endS, '谢谢您的来电，请您对我的服务进行评价！'), seg('customer', 199, 200, '好')];
    expect(one(segments, 'closing-script').passed).toBe(passed);
  });
});

describe('您 versus 你 in the agent\'s speech', () => {
  it('counts the characters wherever the segmenter puts them (您好, 为您服务, 谢谢您), with 你 as the hits', () => {
    const o = one([seg('agent', 0, 3, '您好，很高兴为您服务'), seg('agent', 4, 6, '你稍等'), seg('agent', 7, 9, '谢谢您')], 'nin-ratio');
    expect(o).toMatchObject({ passed: false, measured: { numerator: 3, denominator: 1, ratio: 0.75 }, hits: [{ segment: 1, matched: ['你'] }] });
    expect(one([seg('agent', 0, 3, '您好您好您好您'), seg('agent', 4, 6, '你稍等')], 'nin-ratio').passed).toBe(true); // 4 / 5 = 0.8
  });

  it('leaves the item open with fewer than minCount occurrences', () => {
    expect(one([seg('agent', 0, 3, '您好，请稍等')], 'nin-ratio')).toMatchObject({ passed: null, measured: { numerator: 1, denominator: 0 } });
  });
});

describe('dead air, interruptions and speech rate', () => {
  it.each([
    ['11 s after the customer', [seg('customer', 0, 5, '我的订单呢'), seg('agent', 16, 18, '您好')], [11_000]],
    ['exactly 10 s', [seg('customer', 0, 5, '我的订单呢'), seg('agent', 15, 18, '您好')], []],
    ['after the agent asked the caller to wait', [seg('customer', 0, 5, '我的订单呢'), seg('agent', 5, 6, '请稍等'), seg('agent', 30, 32, '您好')], []],
    ['while a long customer segment still ran', [seg('customer', 0, 30, '我说了很久'), seg('agent', 3, 4, '嗯'), seg('agent', 35, 37, '好的')], []],
  ])('silence: %s', (_label, segments, gaps) => {
    expect(one(segments, 'dead-air').hits.map((h) => h.value)).toEqual(gaps);
  });

  it('dead air is the customer\'s segment, spanning the silence', () => {
    expect(one([seg('customer', 0, 5, '我的订单呢'), seg('agent', 16, 18, '您好')], 'dead-air')).toMatchObject({
      passed: false, hits: [{ check: 'dead-air', kind: 'dead-air', segment: 0, startMs: 5000, endMs: 16_000, matched: [] }],
    });
  });

  it.each([
    ['0.6 s into the customer\'s last second', 4.4, [600]],
    ['0.4 s before the customer ends (below 500 ms)', 4.6, []],
    ['after the customer ended', 5.2, []],
  ])('interruption: the agent starts %s', (_label, agentStart, overlaps) => {
    expect(one([seg('customer', 0, 5, '我想说的是'), seg('agent', agentStart, 7, '好的')], 'interruptions').hits.map((h) => h.value)).toEqual(overlaps);
  });

  it('more than two interruptions fails', () => {
    const segments = [0, 10, 20].flatMap((t) => [seg('customer', t, t + 5, '我说'), seg('agent', t + 4, t + 6, '好')]);
    expect(one(segments, 'interruptions')).toMatchObject({ passed: false, hitCount: 3 });
    expect(one(segments.slice(0, 4), 'interruptions')).toMatchObject({ passed: true, hitCount: 2 });
  });

  it('speech rate: characters per minute of the agent\'s speech, out-of-range segments as hits', () => {
    // 40 characters in 6 s = 400 / min: too fast.
    const fast = one([seg('agent', 0, 6, '一二三四五六七八九十'.repeat(4))], 'speech-rate');
    expect(fast).toMatchObject({ passed: false, measured: { perMinute: 400 }, hits: [{ segment: 0, value: 400 }] });
    // 20 characters in 6 s = 200 / min.
    expect(one([seg('agent', 0, 6, '一二三四五六七八九十'.repeat(2))], 'speech-rate')).toMatchObject({ passed: true, hits: [], measured: { perMinute: 200 } });
  });
});

describe('cutting a whole transcript at once', () => {
  it('gives each segment the words it gets alone (line breaks inside a text, traditional, full-width, empty lists)', () => {
    const w = chineseWords();
    const texts = ['您好，很高興為您服務！', '这辆车不行驶了\n我不知道', 'ＯＫ，不可以', '嗯', '  ', 'abc 123 不清楚', '再见\r\n了'];
    expect(w.wordsOfEach(texts)).toEqual(texts.map((x) => w.words(x)));
    expect(w.wordsOfEach([])).toEqual([]);
  });
});
