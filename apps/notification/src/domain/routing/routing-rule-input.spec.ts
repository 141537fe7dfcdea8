import { ruleRequestProblems, toRuleInput } from './routing-rule-input';

describe('routing rule input: what the body shape cannot say', () => {
  it('names each bad list element by its index, and a rule that delivers to nobody', () => {
    expect(ruleRequestProblems({ name: 'x', roles: ['hr', 'boss'], channels: ['sms'], match: { kinds: ['Call'], severities: ['loud'] } }).map((p) => p.path)).toEqual([
      'match.kinds[0]',
      'match.severities[0]',
      'roles[1]',
      'channels[0]',
    ]);
    expect(ruleRequestProblems({ name: 'x', recipients: [{ language: 'en' }] }).map((p) => p.path)).toEqual(['recipients[0]']);
    expect(ruleRequestProblems({ name: 'x', match: { kinds: ['call.*'] } }).map((p) => p.path)).toEqual(['roles']);
    expect(ruleRequestProblems({ name: 'x', webhookIds: ['ops'] })).toEqual([]);
  });

  it('stores defaults: both person channels, enabled, not a fallback, the name trimmed, empty match lists dropped', () => {
    expect(toRuleInput({ name: ' Long holds ', roles: ['hr'], match: { kinds: [], teams: ['T1'] } })).toEqual({
      name: 'Long holds',
      match: { teams: ['T1'] },
      roles: ['hr'],
      recipients: [],
      webhookIds: [],
      channels: ['inbox', 'email'],
      fallback: false,
      enabled: true,
    });
  });
});
