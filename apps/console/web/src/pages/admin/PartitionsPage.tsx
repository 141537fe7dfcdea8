import { Typography } from 'antd';
import { byTableThenMonth, localDayOf } from '../../admin/partitions';
import { DataTable, PageTitle } from '../../components/ListPage';
import { useI18n } from '../../i18n/I18nProvider';

/** The month partitions of call events, facts and legs: what an operator looks at before archiving a month. */
export function PartitionsPage() {
  const { t, lang } = useI18n();
  const bound = (b: string | null) => localDayOf(b) ?? t('partitions.default');
  return (
    <>
      <PageTitle title="page.partitions" />
      <Typography.Paragraph type="secondary" data-testid="page-explain">{t('partitions.explain')}</Typography.Paragraph>
      <DataTable service="telephony-events" path="/v1/admin/partitions" rowKey="partition" testId="partitions-table" order={byTableThenMonth}
        columns={[
          { key: 'table', label: 'field.table' },
          { key: 'partition', label: 'field.partition' },
          { key: 'from', label: 'field.from', render: (r) => bound(r.from) },
          { key: 'to', label: 'field.to', render: (r) => bound(r.to) },
          // An estimate as of PostgreSQL's last ANALYZE: counting would read the whole month.
          { key: 'rowsEstimate', label: 'field.rowsEstimate', render: (r) => `≈ ${Math.round(r.rowsEstimate).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}` },
        ]} />
    </>
  );
}
