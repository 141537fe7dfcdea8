import type { Disagreement, ItemAgreement } from '@app/contracts/qa/agreement';

export type { ItemAgreement } from '@app/contracts/qa/agreement';

/** One item of one call answered by both the machine and a person. */
export interface AnswerPair extends Disagreement {
  itemId: string;
}

const key = (v: unknown) => JSON.stringify(v);
const round = (x: number, digits: number) => Math.round((x + Number.EPSILON) * 10 ** digits) / 10 ** digits;

/** Per item the machine answers: how often people gave the same answer, and Cohen's kappa over the calls both answered. */
export function agreement(pairs: readonly AnswerPair[], maxListed = 100): ItemAgreement[] {
  const byItem = new Map<string, AnswerPair[]>();
  for (const p of pairs) byItem.set(p.itemId, [...(byItem.get(p.itemId) ?? []), p]);
  return [...byItem.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([itemId, list]) => {
    const n = list.length;
    const table: Record<string, number> = {};
    const machine = new Map<string, number>();
    const human = new Map<string, number>();
    let agreed = 0;
    for (const p of list) {
      const [m, h] = [key(p.machine), key(p.human)];
      table[`${m}|${h}`] = (table[`${m}|${h}`] ?? 0) + 1;
      machine.set(m, (machine.get(m) ?? 0) + 1);
      human.set(h, (human.get(h) ?? 0) + 1);
      if (m === h) agreed++;
    }
    const po = n === 0 ? 0 : agreed / n;
    let pe = 0;
    for (const [answer, count] of machine) pe += (count / n) * ((human.get(answer) ?? 0) / n);
    const differing = list.filter((p) => key(p.machine) !== key(p.human));
    return {
      itemId,
      compared: n,
      agreed,
      percentAgreement: n === 0 ? null : round(po * 100, 2),
      kappa: n === 0 || pe >= 1 ? null : round((po - pe) / (1 - pe), 4),
      table,
      disagreementCount: differing.length,
      disagreements: differing.slice(0, maxListed).map(({ callId, agentId, evaluationId, machine: m, human: h }) => ({ callId, agentId, evaluationId, machine: m, human: h })),
    };
  });
}
