import { useAuth } from '../../auth/AuthProvider';
import { DataTable, PageTitle } from '../../components/ListPage';
import { RecordActions } from '../../components/RecordActions';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';

/** My reward/penalty records 奖罚记录: sign or appeal each. */
export function MyRecordsPage() {
  const { session } = useAuth();
  const { lang } = useI18n();
  return (
    <>
      <PageTitle title="page.myRecords" />
      <DataTable
        testId="my-records"
        service="qa-evaluation"
        path="/v1/conduct-records"
        query={{ agentId: session?.user.agentId }}
        rowKey="recordId"
        columns={[
          { key: 'occurredAt', label: 'field.occurredAt', kind: 'instant' },
          { key: 'code', label: 'field.catalogueItem', render: (r) => codeLabel(lang, 'conduct', r.code, r.labelZh, r.labelEn) },
          { key: 'kind', label: 'field.kind', kind: 'tag', prefix: 'kind' },
          { key: 'amount', label: 'field.amountYuan', kind: 'yuan' },
          { key: 'points', label: 'field.points', kind: 'score' },
          { key: 'status', label: 'field.status', kind: 'tag' },
        ]}
        actions={(r) => <RecordActions recordId={r.recordId} signed={r.acknowledgedAt !== null} />}
      />
    </>
  );
}
