import { agreement, type AnswerPair } from './agreement';

const pair = (i: number, itemId: string, machine: unknown, human: unknown): AnswerPair => ({ callId: `c${i}`, agentId: 'A1', evaluationId: `e${i}`, itemId, machine, human });

describe('agreement between the machine and people (percent agreement and Cohen\'s kappa)', () => {
  it('works a 2×2 table by hand', () => {
    // 10 calls: both yes 6, machine yes / person no 1, machine no / person yes 1, both no 2.
    // pₒ = 8/10 = 0.8. Machine yes 7/10, person yes 7/10: pₑ = 0.7·0.7 + 0.3·0.3 = 0.58.
    // κ = (0.8 − 0.58) / (1 − 0.58) = 0.22 / 0.42 = 0.5238.
    const answers: Array<[boolean, boolean]> = [
      ...Array<[boolean, boolean]>(6).fill([true, true]), [true, false], [false, true], [false, false], [false, false],
    ];
    const [r] = agreement(answers.map(([m, h], i) => pair(i, 'opening-script', m, h)));
    expect(r).toEqual({
      itemId: 'opening-script', compared: 10, agreed: 8, percentAgreement: 80, kappa: 0.5238,
      table: { 'true|true': 6, 'true|false': 1, 'false|true': 1, 'false|false': 2 },
      disagreementCount: 2,
      disagreements: [
        { callId: 'c6', agentId: 'A1', evaluationId: 'e6', machine: true, human: false },
        { callId: 'c7', agentId: 'A1', evaluationId: 'e7', machine: false, human: true },
      ],
    });
  });

  it('a 3-way item (points or N/A) by hand, each item on its own', () => {
    // 6 calls on one item: (2,2) (2,2) (1,1) (1,2) ("na","na") (2,1).
    // pₒ = 4/6. Machine: 2 ×3, 1 ×2, na ×1; person: 2 ×3, 1 ×2, na ×1.
    // pₑ = (3·3 + 2·2 + 1·1) / 36 = 14/36. κ = (24/36 − 14/36) / (22/36) = 10/22 = 0.4545.
    const list = [[2, 2], [2, 2], [1, 1], [1, 2], ['na', 'na'], [2, 1]].map(([m, h], i) => pair(i, 'b', m, h));
    const [b, a] = agreement([...list, pair(9, 'a', true, true)]).sort((x, y) => (x.itemId < y.itemId ? 1 : -1));
    expect(b).toMatchObject({ itemId: 'b', compared: 6, agreed: 4, percentAgreement: 66.67, kappa: 0.4545, disagreementCount: 2 });
    // One answer from both every time: chance agreement is certain, kappa undefined.
    expect(a).toMatchObject({ itemId: 'a', compared: 1, agreed: 1, percentAgreement: 100, kappa: null });
  });

  it('lists at most maxListed disagreeing calls, counting them all', () => {
    const [r] = agreement([0, 1, 2].map((i) => pair(i, 'x', true, false)), 2);
    expect(r).toMatchObject({ disagreementCount: 3, kappa: 0, percentAgreement: 0 });
    expect(r.disagreements).toHaveLength(2);
  });
});
