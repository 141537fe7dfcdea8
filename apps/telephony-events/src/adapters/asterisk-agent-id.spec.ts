import { defaultAgentId } from './asterisk-agent-id';

describe('defaultAgentId', () => {
  it.each([
    ['SIP/1001', '1001'],
    ['PJSIP/1001', '1001'],
    ['Agent/1001', '1001'],
    ['Local/1001@from-queue/n', '1001'],
    ['IAX2/1001/extra', '1001'],
    ['Alice Wang', 'Alice Wang'],
  ])('%s → %s', (field, id) => expect(defaultAgentId(field)).toBe(id));
});
