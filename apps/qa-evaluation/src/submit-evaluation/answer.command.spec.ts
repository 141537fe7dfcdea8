import { checkAgainst } from '@app/platform';
import { AnswerCommand } from './answer.command';

describe('AnswerCommand', () => {
  it('AnswerCommand: true/false, a finite number or "na"; the form decides the rest', () => {
    for (const value of [true, 0, 3.5, 'na']) expect(checkAgainst(AnswerCommand, { itemId: 'greeting', value }).ok).toBe(true);
    for (const value of ['yes', null, undefined, [], {}]) expect(checkAgainst(AnswerCommand, { itemId: 'greeting', value }).ok).toBe(false);
    expect(checkAgainst(AnswerCommand, { itemId: 'greeting', value: 1, note: 'x' }).ok).toBe(false);
  });
});
