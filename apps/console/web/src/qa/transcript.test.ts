import { describe, expect, it } from 'vitest';
import type { FormVersion } from './form-types';
import { answerText, kappaBand, monthSoFar } from './agreement';
import { clock, highlight, hitSummary, lineAt, machineAnswers, originOf, prefilled, scriptMisses, transcriptLines, type Hit, type Segment } from './transcript';

const SEGMENTS: Segment[] = [
  { speaker: 'agent', startMs: 0, endMs: 3_000, text: '您好,很高兴为您服务!' },
  { speaker: 'customer', startMs: 3_500, endMs: 7_000, text: '我要投诉,你们太慢了' },
  { speaker: 'agent', startMs: 7_200, endMs: 9_000, text: '这个不行,' },
  { speaker: 'agent', startMs: 9_000, endMs: 11_000, text: '我不清楚' },
  { speaker: 'customer', startMs: 11_500, endMs: 12_000, text: '好吧' },
];
const hit = (kind: string, segment: number, matched: string[], extra: Partial<Hit> = {}): Hit => ({
  check: kind, kind, segment, startMs: SEGMENTS[segment].startMs, endMs: SEGMENTS[segment].endMs, matched, ...extra,
});

describe('the transcript beside the form', () => {
  it('puts each hit on its segment with its tone: forbidden red, complaint risk, script found', () => {
    const lines = transcriptLines(SEGMENTS, [
      hit('script', 0, ['您好', '很', '高兴', '为', '您', '服务'], { phrase: '您好,很高兴为您服务!' }),
      hit('complaint-risk', 1, ['投诉'], { phrase: '投诉' }),
      hit('forbidden-phrase', 2, ['不行'], { phrase: '不行' }),
    ]);
    expect(lines.map((l) => [l.index, l.speaker, l.tone])).toEqual([
      [0, 'agent', 'script'], [1, 'customer', 'risk'], [2, 'agent', 'forbidden'], [3, 'agent', null], [4, 'customer', null],
    ]);
    expect(lines[1].parts).toEqual([{ text: '我要', tone: null }, { text: '投诉', tone: 'risk' }, { text: ',你们太慢了', tone: null }]);
    expect(lines[2].parts).toEqual([{ text: '这个', tone: null }, { text: '不行', tone: 'forbidden' }, { text: ',', tone: null }]);
    expect(lines[0].parts).toEqual([{ text: '您好,很高兴为您服务!', tone: 'script' }]);
  });

  it('marks the same speaker’s segments a phrase hit spans, and only its own for a hit without words', () => {
    const spanning: Hit = { check: 'shirk', kind: 'forbidden-phrase', segment: 2, startMs: 7_200, endMs: 11_000, matched: ['不', '清楚'] };
    const silence: Hit = { check: 'dead-air', kind: 'dead-air', segment: 1, startMs: 7_000, endMs: 12_000, matched: [], value: 5_000 };
    const lines = transcriptLines(SEGMENTS, [spanning, silence]);
    expect(lines.map((l) => l.tone)).toEqual([null, 'other', 'forbidden', 'forbidden', null]);
    expect(lines[3].parts).toEqual([{ text: '我', tone: null }, { text: '不清楚', tone: 'forbidden' }]);
  });

  it('ignores a hit on a segment the transcript does not have, and keeps a line whole when its words are not found', () => {
    const lines = transcriptLines(SEGMENTS, [hit('forbidden-phrase', 2, ['不行']), { ...hit('forbidden-phrase', 2, []), segment: 99 }]);
    expect(lines.filter((l) => l.hits.length).map((l) => l.index)).toEqual([2]);
    expect(highlight('不可以', [hit('forbidden-phrase', 2, ['不行'])])).toEqual([{ text: '不可以', tone: null }]);
    // The more serious tone wins where two hits cover the same words.
    expect(highlight('Not my job', [hit('script', 0, ['my', 'job']), hit('forbidden-phrase', 0, ['NOT', 'MY'])])).toEqual([
      { text: 'Not my', tone: 'forbidden' }, { text: ' job', tone: 'script' },
    ]);
  });

  it('finds the line being played, and shows times as a player does', () => {
    expect([lineAt(SEGMENTS, -1), lineAt(SEGMENTS, 0), lineAt(SEGMENTS, 3_499), lineAt(SEGMENTS, 9_000), lineAt(SEGMENTS, 60_000)]).toEqual([null, 0, 0, 3, 4]);
    expect(lineAt([], 10)).toBeNull();
    expect([clock(0), clock(7_999), clock(65_000), clock(3_725_000)]).toEqual(['0:00', '0:07', '1:05', '1:02:05']);
  });

  it('counts hits by kind, most serious first, and lists the scripts never said', () => {
    expect(hitSummary({ hits: [hit('script', 0, []), hit('forbidden-phrase', 2, []), hit('forbidden-phrase', 3, [])] })).toEqual([
      { kind: 'forbidden-phrase', tone: 'forbidden', count: 2 }, { kind: 'script', tone: 'script', count: 1 },
    ]);
    // The service's counts include hits beyond the ones it lists.
    expect(hitSummary({ hits: [], hitCounts: { 'complaint-risk': 1, script: 0, 'dead-air': 3 } })).toEqual([
      { kind: 'complaint-risk', tone: 'risk', count: 1 }, { kind: 'dead-air', tone: 'other', count: 3 },
    ]);
    expect(scriptMisses([
      { check: 'opening-script', signal: 'script', itemId: 'opening-script', passed: true, hitCount: 0 },
      { check: 'closing-script', signal: 'script', itemId: 'closing-script', passed: false, hitCount: 0 },
      { check: 'goodbye', signal: 'courtesy', itemId: 'must-goodbye', passed: false, hitCount: 0 },
      { check: 'x', signal: 'script', itemId: null, passed: null, hitCount: 0 },
    ]).map((o) => o.check)).toEqual(['closing-script']);
  });
});

const FORM: FormVersion = {
  formId: 'call-qa', version: 1, titleZh: '', titleEn: '',
  sections: [{ sectionId: 's', labelZh: '', labelEn: '', items: [
    { itemId: 'opening-script', labelZh: '', labelEn: '', type: 'yesno', maxPoints: 5, naAllowed: false },
    { itemId: 'patience', labelZh: '', labelEn: '', type: 'scale', maxPoints: 3, minPoints: 0, naAllowed: true },
    { itemId: 'dont-harsh-words', labelZh: '', labelEn: '', type: 'yesno', maxPoints: 0, naAllowed: false, critical: 'fail-all' },
  ] }],
};

describe('the machine’s answers on the form', () => {
  it('fills the items it answered with values they take, and nothing else', () => {
    const auto = { items: [
      { itemId: 'opening-script', answer: true, auto: true as const, checks: [], evidence: [] },
      { itemId: 'patience', answer: 7, auto: true as const, checks: [], evidence: [] }, // out of the item's range
      { itemId: 'dont-harsh-words', answer: false, auto: true as const, checks: [], evidence: [] },
      { itemId: 'not-on-this-form', answer: true, auto: true as const, checks: [], evidence: [] },
    ] };
    expect(machineAnswers(auto, FORM)).toEqual({ 'opening-script': true, 'dont-harsh-words': false });
    expect(machineAnswers({ items: [{ itemId: 'patience', answer: 'na', auto: true, checks: [], evidence: [] }] }, FORM)).toEqual({ patience: 'na' });
    expect(machineAnswers({ items: [{ itemId: 'opening-script', answer: 'na', auto: true, checks: [], evidence: [] }] }, FORM)).toEqual({});
    expect(machineAnswers(undefined, FORM)).toEqual({});
    expect(machineAnswers(auto, null)).toEqual({});
  });

  it('keeps the evaluator’s own answers over the machine’s, and tells which are the machine’s as given or changed', () => {
    const machine = { 'opening-script': true, 'dont-harsh-words': false } as const;
    const answers = prefilled({ 'dont-harsh-words': true, patience: undefined }, machine);
    expect(answers).toEqual({ 'opening-script': true, 'dont-harsh-words': true });
    expect([originOf('opening-script', answers, machine), originOf('dont-harsh-words', answers, machine), originOf('patience', answers, machine)]).toEqual(['auto', 'overridden', null]);
  });
});

describe('machine against evaluators', () => {
  it('reads kappa in the usual bands', () => {
    expect([-0.1, 0, 0.2, 0.35, 0.6, 0.75, 0.81, 1].map(kappaBand)).toEqual(['poor', 'slight', 'slight', 'fair', 'moderate', 'substantial', 'almost-perfect', 'almost-perfect']);
    expect([kappaBand(null), kappaBand(undefined)]).toEqual([null, null]);
  });

  it('shows answers in words and opens on this month so far', () => {
    const words = { yes: '是', no: '否', na: '不适用' };
    expect([true, false, 'na', 3, null].map((v) => answerText(v, words))).toEqual(['是', '否', '不适用', '3', '—']);
    expect(monthSoFar('2026-10-31')).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(monthSoFar('2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });
});
