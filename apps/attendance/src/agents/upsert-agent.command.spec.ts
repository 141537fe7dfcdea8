import { checkAgainst } from '@app/platform';
import { agentsFromCsv } from './agents-csv';
import { agentInputOf, UpsertAgentCommand } from './upsert-agent.command';

const base = { agentId: ' A1 ', name: '李娜', team: 'T1', region: 'east', hireDate: '2026-03-01' };
const check = (raw: unknown, at = '') => checkAgainst(UpsertAgentCommand, raw, at);

describe('an agent as posted (JSON object or CSV row)', () => {
  it('takes the defaults and trims the text; level is left to the record held', () => {
    const ok = check({ ...base, supervisorId: '', email: null });
    expect(ok.ok && agentInputOf(ok.value)).toEqual({
      agentId: 'A1', name: '李娜', team: 'T1', region: 'east', role: 'agent', hireDate: '2026-03-01', supervisorId: null, active: true, email: null, language: 'zh-CN',
    });
  });

  it('refuses every bad field by its path, an unknown field included', () => {
    const bad = check({ ...base, agentId: ' ', region: 'mars', hireDate: '2026-02-30', level: 'five-star', active: 'false', email: 'nobody', extra: 1 }, 'agents[4]');
    expect(!bad.ok && bad.problems.map((p) => p.path).sort()).toEqual(
      ['agents[4].active', 'agents[4].agentId', 'agents[4].email', 'agents[4].extra', 'agents[4].hireDate', 'agents[4].level', 'agents[4].region'],
    );
    expect(check('A1')).toEqual({ ok: false, problems: [{ path: 'body', message: expect.any(String) }] });
  });

  it('takes levelEffectiveFrom as a real month yyyy-mm only', () => {
    const item = (levelEffectiveFrom: unknown) => check({ ...base, levelEffectiveFrom });
    const ok = item('2026-11');
    expect(ok.ok && agentInputOf(ok.value).levelEffectiveFrom).toBe('2026-11');
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-11-01', '11-2026', '', 202611, true, '0000-01']) {
      expect(item(bad)).toEqual({ ok: false, problems: [{ path: 'levelEffectiveFrom', message: expect.stringContaining('yyyy-mm') }] });
    }
  });

  it('reads a CSV row with the same class: true/false cells are flags, anything else is refused', () => {
    const { items, lines } = agentsFromCsv('agentId,name,team,region,hireDate,active\nA1,李娜,T1,east,2026-03-01,FALSE\nA2,王芳,T1,east,2026-03-01,maybe\n');
    expect(lines).toEqual([2, 3]);
    const first = check(items[0], 'rows[0]');
    expect(first.ok && agentInputOf(first.value).active).toBe(false);
    expect(check(items[1], 'rows[1]')).toEqual({ ok: false, problems: [{ path: 'rows[1].active', message: expect.any(String) }] });
  });
});
