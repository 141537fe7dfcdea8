import { DEFAULT_CATALOGUE } from './catalogue';
import { resolveRecordFigures } from './resolve-record';

const item = (code: string) => DEFAULT_CATALOGUE.find((c) => c.code === code)!;

describe('resolveRecordFigures', () => {
  it('takes the catalogue default, in fen', () => {
    expect(resolveRecordFigures(item('PHONE_CHAT'), {}, 1, true).figures).toEqual({ amountFen: 3000, points: 0, warning: false });
    expect(resolveRecordFigures(item('MEETING_FAULT'), {}, 0, true).figures).toEqual({ amountFen: 0, points: -5, warning: false });
  });

  it('makes the first offence of a fine a warning, unless the policy says not to', () => {
    expect(resolveRecordFigures(item('IMPROPER_TONE'), {}, 0, true).figures).toEqual({ amountFen: 0, points: 0, warning: true });
    expect(resolveRecordFigures(item('IMPROPER_TONE'), {}, 0, false).figures).toEqual({ amountFen: 2000, points: 0, warning: false });
    expect(resolveRecordFigures(item('SUGGESTION'), {}, 0, true).figures?.warning).toBe(false); // rewards are never warnings
  });

  it('LOSS needs its amount, to the fen', () => {
    expect(resolveRecordFigures(item('LOSS'), {}, 0, true).problems).toEqual([expect.objectContaining({ code: 'QA.CONDUCT_AMOUNT_REQUIRED', path: 'amount' })]);
    expect(resolveRecordFigures(item('LOSS'), { amount: 123.45 }, 0, true).figures).toEqual({ amountFen: 12345, points: 0, warning: false });
    expect(resolveRecordFigures(item('LOSS'), { amount: 1.234 }, 0, true).problems[0]).toMatchObject({ code: 'QA.CONDUCT_VALUE_OUT_OF_RANGE', path: 'amount' });
  });

  it('lets the issuer choose within a range (leaving the post 3–5) and not outside it', () => {
    expect(resolveRecordFigures(item('LEAVING_POST'), { points: 5 }, 0, true).figures?.points).toBe(5);
    expect(resolveRecordFigures(item('LEAVING_POST'), { points: 6 }, 0, true).problems[0]).toMatchObject({ code: 'QA.CONDUCT_VALUE_OUT_OF_RANGE', path: 'points' });
    expect(resolveRecordFigures(item('PHONE_CHAT'), { amount: 50 }, 1, true).problems[0]).toMatchObject({ path: 'amount' });
  });

  it('KNOWLEDGE_ERROR: −1 in applying knowledge, recordable by hand, filed against that component', () => {
    expect(item('KNOWLEDGE_ERROR')).toMatchObject({
      kind: 'adjustment', points: -1, pointsMin: -1, pointsMax: -1, category: 'knowledge', scorecardPart: 'knowledge', computed: false, active: true,
      labelZh: '因不熟悉产品或流程导致的失误', labelEn: 'Error from not knowing the product or process',
    });
    expect(resolveRecordFigures(item('KNOWLEDGE_ERROR'), {}, 3, true).figures).toEqual({ amountFen: 0, points: -1, warning: false });
  });

  it('every code is unique and carries both labels', () => {
    const codes = DEFAULT_CATALOGUE.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(DEFAULT_CATALOGUE.every((c) => c.labelZh && c.labelEn)).toBe(true);
  });
});
