import { Select } from 'antd';
import { recentPeriods } from '../app/nav';
import { periodOf } from '../format/format';
import { useI18n } from '../i18n/I18nProvider';

export function PeriodSelect({ value, onChange }: { value: string; onChange(p: string): void }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('field.period')}
      data-testid="period-select"
      style={{ width: 140 }}
      value={value}
      onChange={onChange}
      options={recentPeriods(periodOf(new Date()), 18).map((p) => ({ value: p, label: p }))}
    />
  );
}
