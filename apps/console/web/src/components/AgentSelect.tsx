import { Select } from 'antd';
import { useApiList } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The agents in attendance, searchable by id, name or team; with `roles`, only people of those roles (a record
 * without a role is an agent's). Every page of the directory is read (1,000 a page): a picker that silently lacked
 * the agents after the first page would make them impossible to choose.
 */
export function AgentSelect({ value, onChange, testId = 'agent-select', roles }: { value?: string; onChange?(id: string): void; testId?: string; roles?: readonly string[] }) {
  const { t } = useI18n();
  const q = useApiList('attendance', '/v1/agents', undefined, { all: true });
  const agents = q.items.filter((a) => !roles || roles.includes(a.role ?? 'agent'));
  return (
    <Select
      data-testid={testId}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('field.agent')}
      loading={q.isLoading}
      value={value}
      onChange={onChange}
      options={agents.map((a) => ({ value: a.agentId, label: `${a.name ?? a.agentId} (${a.agentId}${a.team ? ` · ${a.team}` : ''})` }))}
    />
  );
}
