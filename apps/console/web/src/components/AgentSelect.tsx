import { Select } from 'antd';
import { asList } from '../api/api-error';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

interface Agent {
  agentId: string;
  name?: string;
  team?: string;
}

/** The agents in attendance, searchable by id, name or team. */
export function AgentSelect({ value, onChange, testId = 'agent-select' }: { value?: string; onChange?(id: string): void; testId?: string }) {
  const { t } = useI18n();
  const q = useApiQuery<unknown>('attendance', '/v1/agents');
  const agents = asList<Agent>(q.data);
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
