import type { AlertEvent } from '@app/contracts';
import { kindMatches } from '../alerts/kind-pattern';
import { kindPatternIsKnown } from '../alerts/known-kinds';
import { routeAlert } from './route-alert';
import type { RoutingRule } from './routing-rule';

const rule = (over: Partial<RoutingRule>): RoutingRule => ({
  ruleId: 'r', name: 'r', match: {}, roles: [], recipients: [], webhookIds: [], channels: ['inbox', 'email'], fallback: false, enabled: true, ...over,
});
const alert = (over: Partial<AlertEvent> = {}): AlertEvent => ({
  alertId: 'a1', kind: 'call.ring-limit-exceeded', severity: 'warning', agentId: 'A1', team: 'T1', title: 't', body: 'b', occurredAt: '2026-10-05T01:00:00Z', facts: {}, ...over,
});

describe('routing', () => {
  it('matches kinds by name or glob', () => {
    expect(kindMatches('call.*', 'call.long-hold')).toBe(true);
    expect(kindMatches('call.*', 'calls.x')).toBe(false);
    expect(kindMatches('*dismiss*', 'scoring.dismissal-review')).toBe(true);
    expect(kindMatches('qa.conduct-recorded', 'qa.conduct-recorded')).toBe(true);
    expect(kindMatches('a.b', 'aXb')).toBe(false); // a dot is a dot
  });

  it('unions every matching rule, merges channels, adds subscribed webhooks', () => {
    const rules = [
      rule({ ruleId: 'phone', match: { kinds: ['call.*'] }, roles: ['agent', 'supervisor'], channels: ['inbox'] }),
      rule({ ruleId: 't1', match: { teams: ['T1'], severities: ['warning', 'critical'] }, roles: ['supervisor'], channels: ['email'], recipients: [{ email: 'ops@cc.test' }] }),
      rule({ ruleId: 't2', match: { teams: ['T2'] }, roles: ['hr'] }),
      rule({ ruleId: 'off', enabled: false, roles: ['admin'] }),
      rule({ ruleId: 'fallback', fallback: true, roles: ['admin'] }),
    ];
    const r = routeAlert(alert(), rules, [
      { webhookId: 'w1', kinds: ['call.ring-*'], enabled: true },
      { webhookId: 'w2', kinds: ['qa.*'], enabled: true },
      { webhookId: 'w3', kinds: ['*'], enabled: false },
    ]);
    expect(r.ruleIds).toEqual(['phone', 't1']);
    expect(r.roles).toEqual([{ role: 'agent', channels: ['inbox'] }, { role: 'supervisor', channels: ['inbox', 'email'] }]);
    expect(r.recipients).toEqual([{ recipient: { email: 'ops@cc.test' }, channels: ['email'] }]);
    expect(r.webhookIds).toEqual(['w1']);
  });

  it('sends what no rule expects by the fallback route', () => {
    const rules = [rule({ ruleId: 'phone', match: { kinds: ['call.*'] }, roles: ['agent'] }), rule({ ruleId: 'fallback', fallback: true, roles: ['admin'] })];
    expect(routeAlert(alert({ kind: 'brand.new' }), rules, []).ruleIds).toEqual(['fallback']);
  });

  it('knows a kind pattern by the catalogue, the kinds seen, or a producing prefix', () => {
    expect(kindPatternIsKnown('call.*', [])).toBe(true);
    expect(kindPatternIsKnown('*interview*', [])).toBe(true);
    expect(kindPatternIsKnown('scoring.brand-new', [])).toBe(true);
    expect(kindPatternIsKnown('nothing.*', [])).toBe(false);
    expect(kindPatternIsKnown('nothing.*', ['nothing.really'])).toBe(true);
  });
});
