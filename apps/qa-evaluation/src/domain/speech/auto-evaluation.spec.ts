import { CALL_QA_FORM } from '../forms/seeded-forms';
import type { FormVersion } from '../forms/form';
import { autoEvaluate } from './auto-evaluation';
import { chineseWords } from './chinese-words';
import { runChecks } from './run-checks';
import { DEFAULT_SPEECH_POLICY, type SpeechPolicy } from './speech-policy';
import { inTimeOrder, type Segment } from './transcript';

const form: FormVersion = { ...CALL_QA_FORM, version: 1, status: 'published', publishedAt: '2026-01-01T00:00:00Z' };
const seg = (speaker: Segment['speaker'], startS: number, endS: number, text: string): Segment => ({ speaker, startMs: startS * 1000, endMs: endS * 1000, text });
const evaluate = (segments: Segment[], policy: SpeechPolicy = DEFAULT_SPEECH_POLICY) => {
  const ordered = inTimeOrder(segments);
  return autoEvaluate(form, policy, runChecks(ordered, policy, chineseWords(policy.dictionary)), ordered);
};

/** A 2-minute call: scripted opening and closing, one forbidden phrase, a customer threatening a complaint. */
const CALL = [
  seg('agent', 1, 4, '您好，很高兴为您服务！'),
  seg('customer', 4, 9, '我的快递三天还没到，我要投诉。'),
  seg('agent', 9.5, 14, '您别着急，请您提供一下单号。'),
  seg('customer', 14, 17, '单号是一二三四五。'),
  seg('agent', 18, 24, '这个我不知道，您可以问一下快递公司。'),
  seg('agent', 100, 106, '谢谢您的来电，请您对我的服务进行评价！'),
  seg('agent', 106, 108, '再见。'),
];

describe('autoEvaluate: the machine answers the checkable items of the call-QA form, with evidence', () => {
  const r = evaluate(CALL);

  it('answers the scripts, 您, the forbidden-phrase items; leaves the rest open', () => {
    expect(r.items.map((i) => [i.itemId, i.answer])).toEqual([
      ['opening-script', true], ['closing-script', true], ['must-nin', true], ['must-goodbye', true], ['dont-harsh-words', false], ['dont-shirk', true],
    ]);
    expect(r.items.every((i) => i.auto)).toBe(true);
    expect(r.items.find((i) => i.itemId === 'dont-harsh-words')).toEqual({
      itemId: 'dont-harsh-words', answer: false, auto: true, checks: ['forbidden-refusal'],
      evidence: [{ segment: 4, startMs: 18_000, endMs: 24_000, text: '这个我不知道，您可以问一下快递公司。', matched: ['不', '知道'] }],
    });
    expect(r.items.find((i) => i.itemId === 'opening-script')?.evidence).toEqual([{ segment: 0, startMs: 1000, endMs: 4000, text: '您好，很高兴为您服务！', matched: ['您好', '很', '高兴', '为您服务'] }]);
  });

  it('flags the call, raises the forbidden-phrase and complaint-risk alerts, counts the KPIs', () => {
    expect(r.flagged).toBe(true);
    expect(r.hitCounts).toMatchObject({ script: 2, courtesy: 1, 'forbidden-phrase': 1, 'complaint-risk': 1 });
    expect(r.alerts.map((a) => [a.kind, a.hits.map((h) => [h.segment, h.matched.join('')])])).toEqual([
      ['qa.forbidden-phrase', [[4, '不知道']]],
      ['qa.complaint-risk', [[1, '投诉']]],
    ]);
    expect(r.kpis).toEqual({ scriptChecks: 2, scriptPassed: 2, forbiddenPhrases: 1, complaintRisk: true });
  });

  it('a clean call is not flagged and raises nothing; a missing closing is a failed script', () => {
    const clean = evaluate(CALL.filter((_, i) => i !== 1 && i !== 4));
    expect([clean.flagged, clean.alerts]).toEqual([false, []]);
    const noClosing = evaluate(CALL.filter((_, i) => i !== 1 && i !== 4 && i !== 5));
    expect(noClosing.items.find((i) => i.itemId === 'closing-script')).toMatchObject({ answer: false, evidence: [] });
    expect([noClosing.flagged, noClosing.kpis.scriptPassed, noClosing.kpis.scriptChecks]).toEqual([true, 1, 2]);
  });

  it('takes configured answers for other item types, the worse of two checks on one item, and skips values an item cannot take', () => {
    const policy: SpeechPolicy = {
      ...DEFAULT_SPEECH_POLICY,
      checks: [
        { id: 'knows', type: 'phrase-absent', signal: 'forbidden-phrase', itemId: 'product-knowledge', speaker: 'agent', phrases: ['不知道'], answers: { pass: 5, fail: 2 } },
        { id: 'knows-2', type: 'phrase-absent', signal: 'forbidden-phrase', itemId: 'product-knowledge', speaker: 'agent', phrases: ['不清楚'], answers: { pass: 5, fail: 3 } },
        { id: 'too-many', type: 'phrase-absent', signal: 'x', itemId: 'patience-respect', speaker: 'agent', phrases: ['不行'], answers: { pass: 9 } },
      ],
    };
    expect(evaluate(CALL, policy).items).toEqual([
      expect.objectContaining({ itemId: 'product-knowledge', answer: 2, checks: ['knows', 'knows-2'] }),
    ]);
  });
});
