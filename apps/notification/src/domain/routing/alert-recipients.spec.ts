import type { AlertEvent } from '@app/contracts';
import { alertRecipients, teamSupervisorsNeeded, type KnownPerson, type PeopleRoute } from './alert-recipients';
import type { NamedRecipient, PersonChannel, RecipientRole } from './routing-rule';

const alert = (over: Partial<AlertEvent> = {}): AlertEvent => ({
  alertId: 'a1', kind: 'call.ring-limit-exceeded', severity: 'warning', agentId: 'A1', team: 'T1', title: 't', body: 'b', occurredAt: '2026-10-05T01:00:00Z', facts: {}, ...over,
});
const person = (agentId: string, over: Partial<KnownPerson> = {}): KnownPerson => ({
  agentId, team: 'T1', supervisorId: null, email: `${agentId.toLowerCase()}@cc.test`, language: 'zh-CN', ...over,
});
const roles = (channels: PersonChannel[], ...list: RecipientRole[]): PeopleRoute => ({ roles: list.map((role) => ({ role, channels })), recipients: [] });
const named = (channels: PersonChannel[], ...list: NamedRecipient[]): PeopleRoute => ({ roles: [], recipients: list.map((recipient) => ({ recipient, channels })) });
const inbox = (audienceKind: 'user' | 'role' | 'team', audienceId: string) => ({ channel: 'inbox', audienceKind, audienceId });
const email = (personId: string, address: string | null, language: 'zh-CN' | 'en' = 'zh-CN') => ({ channel: 'email', personId, address, language });

const A1 = person('A1', { supervisorId: 'S1' });
const S1 = person('S1', { language: 'en' });
const both: PersonChannel[] = ['inbox', 'email'];

describe('alertRecipients', () => {
  it('reaches the agent the alert is about, by their record', () => {
    expect(alertRecipients(alert(), roles(both, 'agent'), { agent: A1 })).toEqual([inbox('user', 'A1'), email('A1', 'a1@cc.test')]);
  });

  it('reaches an agent without a record by inbox, and logs the missing address; no agent, nobody', () => {
    expect(alertRecipients(alert(), roles(both, 'agent'), {})).toEqual([inbox('user', 'A1'), email('A1', null)]);
    expect(alertRecipients(alert({ agentId: undefined }), roles(both, 'agent'), {})).toEqual([]);
  });

  it("reaches the agent's own supervisor, not the team", () => {
    const got = alertRecipients(alert(), roles(both, 'supervisor'), { agent: A1, supervisor: S1, teamSupervisors: [person('S9')] });
    expect(got).toEqual([inbox('user', 'S1'), email('S1', 's1@cc.test', 'en')]);
  });

  it('names a supervisor the directory has no record of: inbox, and no address', () => {
    expect(alertRecipients(alert(), roles(both, 'supervisor'), { agent: A1 })).toEqual([inbox('user', 'S1'), email('S1', null)]);
  });

  it("falls back to the team's supervisors when the agent names none: the team inbox and each one's e-mail", () => {
    const got = alertRecipients(alert(), roles(both, 'supervisor'), { agent: person('A1'), teamSupervisors: [S1, person('S2')] });
    expect(got).toEqual([inbox('team', 'T1'), email('S1', 's1@cc.test', 'en'), email('S2', 's2@cc.test')]);
  });

  it("falls back to the agent's team when the alert carries none, and when the agent is unknown uses the alert's team", () => {
    expect(alertRecipients(alert({ team: undefined }), roles(['inbox'], 'supervisor'), { agent: person('A1', { team: 'T2' }) })).toEqual([inbox('team', 'T2')]);
    expect(alertRecipients(alert(), roles(['inbox'], 'supervisor'), {})).toEqual([inbox('team', 'T1')]);
    expect(alertRecipients(alert({ team: 'T3' }), roles(['inbox'], 'team-supervisors'), { agent: A1 })).toEqual([inbox('team', 'T3')]);
  });

  it('with no team either, reaches only the supervisors role inbox (nobody to e-mail)', () => {
    const noTeam = alert({ agentId: undefined, team: undefined });
    expect(alertRecipients(noTeam, roles(both, 'supervisor'), { teamSupervisors: [S1] })).toEqual([inbox('role', 'supervisor')]);
    expect(alertRecipients(noTeam, roles(both, 'team-supervisors'), {})).toEqual([inbox('role', 'supervisor')]);
    expect(alertRecipients(noTeam, roles(['email'], 'team-supervisors'), {})).toEqual([]);
  });

  it("reaches the team's supervisors for team-supervisors even when the agent names their own", () => {
    expect(alertRecipients(alert(), roles(both, 'team-supervisors'), { agent: A1, supervisor: S1, teamSupervisors: [person('S2')] })).toEqual([
      inbox('team', 'T1'),
      email('S2', 's2@cc.test'),
    ]);
  });

  it('addresses HR, admin and the technical centre as shared role inboxes, never by e-mail', () => {
    expect(alertRecipients(alert(), roles(both, 'hr', 'admin', 'tech'), { agent: A1 })).toEqual([inbox('role', 'hr'), inbox('role', 'admin'), inbox('role', 'tech')]);
    expect(alertRecipients(alert(), roles(['email'], 'hr'), {})).toEqual([]);
  });

  it('uses only the channels the rule asks for', () => {
    expect(alertRecipients(alert(), roles(['email'], 'agent', 'supervisor'), { agent: A1, supervisor: S1 })).toEqual([email('A1', 'a1@cc.test'), email('S1', 's1@cc.test', 'en')]);
    expect(alertRecipients(alert(), roles(['inbox'], 'agent', 'supervisor'), { agent: A1, supervisor: S1 })).toEqual([inbox('user', 'A1'), inbox('user', 'S1')]);
  });

  it("reaches named recipients: their inbox by user id, the rule's address and language before their record's", () => {
    const route = named(both, { userId: 'QA7' }, { userId: 'S1', email: 'boss@cc.test', language: 'zh-CN' }, { email: 'ops@cc.test', language: 'en' }, { userId: 'X9' });
    const got = alertRecipients(alert(), route, { named: new Map([['QA7', person('QA7', { language: 'en' })], ['S1', S1]]) });
    expect(got).toEqual([
      inbox('user', 'QA7'), email('QA7', 'qa7@cc.test', 'en'),
      inbox('user', 'S1'), email('S1', 'boss@cc.test'),
      email('ops@cc.test', 'ops@cc.test', 'en'),
      inbox('user', 'X9'), email('X9', null),
    ]);
    expect(alertRecipients(alert(), named(['email'], {}), {})).toEqual([email('?', null)]);
  });

  it('lists each inbox and address once, the first mention winning, in route order', () => {
    const route: PeopleRoute = {
      roles: [{ role: 'supervisor', channels: both }, { role: 'team-supervisors', channels: both }, { role: 'hr', channels: ['inbox'] }, { role: 'hr', channels: ['inbox'] }],
      recipients: [{ recipient: { userId: 'S1', language: 'zh-CN' }, channels: both }, { recipient: { userId: 'QA7' }, channels: ['email'] }, { recipient: { userId: 'QA7' }, channels: ['email'] }],
    };
    const got = alertRecipients(alert(), route, {
      agent: A1, supervisor: S1, teamSupervisors: [S1, person('S2')], named: new Map([['S1', S1]]),
    });
    expect(got).toEqual([
      inbox('user', 'S1'), email('S1', 's1@cc.test', 'en'),
      inbox('team', 'T1'), email('S2', 's2@cc.test'),
      inbox('role', 'hr'),
      email('QA7', null),
    ]);
  });
});

describe('teamSupervisorsNeeded', () => {
  it('names the team only when a role falling back to it asks for e-mail', () => {
    expect(teamSupervisorsNeeded(alert(), roles(both, 'team-supervisors'), A1)).toBe('T1');
    expect(teamSupervisorsNeeded(alert({ team: undefined }), roles(['email'], 'supervisor'), person('A1', { team: 'T2' }))).toBe('T2');
    expect(teamSupervisorsNeeded(alert(), roles(both, 'supervisor'), A1)).toBeUndefined(); // their own supervisor
    expect(teamSupervisorsNeeded(alert(), roles(['inbox'], 'team-supervisors'), A1)).toBeUndefined(); // the team inbox needs no one
    expect(teamSupervisorsNeeded(alert(), roles(both, 'agent', 'hr'), A1)).toBeUndefined();
    expect(teamSupervisorsNeeded(alert({ agentId: undefined, team: undefined }), roles(both, 'team-supervisors'), undefined)).toBeUndefined();
  });
});
