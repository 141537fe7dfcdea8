import { Select } from 'antd';
import { useApiList } from '../api/hooks';
import { codeLabel } from '../i18n/code-label';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { splitByTab, teamRows } from '../scorecard/team-stats';

/**
 * The people the manager appraises: the month's supervisors and QA inspectors, as scoring lists them on the
 * supervisor card (the manager reads every scorecard; attendance's directory is not open to the role).
 */
export function LeadSelect({ period, value, onChange, testId = 'agent-select' }: { period: string; value?: string; onChange?(id: string): void; testId?: string }) {
  const { t, lang } = useI18n();
  // Every page of the month's cards: the supervisors and QA inspectors may be anywhere among the agents'.
  const q = useApiList('scoring', '/v1/scorecards', { period }, { all: true });
  const leads = splitByTab(teamRows(q.items)).leads.sort((a, b) => a.agentId.localeCompare(b.agentId));
  return (
    <>
      <Select
        data-testid={testId}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('field.appraisee')}
        loading={q.isLoading}
        value={value}
        onChange={onChange}
        options={leads.map((p) => ({
          value: p.agentId,
          label: `${p.name ?? p.agentId} (${[p.agentId, p.role ? codeLabel(lang, 'staffRole', p.role) : null, p.team].filter(Boolean).join(' · ')})`,
        }))}
      />
      <ErrorAlert error={q.error} />
    </>
  );
}
