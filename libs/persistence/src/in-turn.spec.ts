import { inTurn } from './in-turn';

describe('inTurn', () => {
  it('starts each step after the one before it answered, and returns the results in order', async () => {
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      return name.length;
    };
    const [a, b] = await inTurn(step('slow', 20), async () => ['x']);
    expect([a, b]).toEqual([4, ['x']]);
    await inTurn(step('one', 10), step('two', 0));
    expect(log).toEqual(['start slow', 'end slow', 'start one', 'end one', 'start two', 'end two']);
  });
});
