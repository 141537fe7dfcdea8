import { Alert, Button, Typography } from 'antd';
import type { ItemOf, ResponseOf } from '../../api/client';
import { useApiList, useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, PageTitle } from '../../components/ListPage';
import { useI18n } from '../../i18n/I18nProvider';

const PATH = '/v1/derivation-failures';
/** A set-aside call as telephony-events' OpenAPI document declares it. */
type SetAsideCall = ItemOf<ResponseOf<'telephony-events', 'get', typeof PATH>>;

/**
 * Calls telephony-events set aside because their derivation kept failing, a page at a time. The total, when the
 * service sends it beside the page, comes from the same cached answer the table shows (one request) and can
 * exceed the rows loaded so far.
 */
export function DerivationFailuresPage() {
  const { t } = useI18n();
  const list = useApiList('telephony-events', PATH);
  const retry = useApiMutation<{ _id: string }, ResponseOf<'telephony-events', 'post', `/v1/derivation-failures/${string}/retry`>>(
    'telephony-events',
    (b) => `/v1/derivation-failures/${encodeURIComponent(b._id)}/retry`,
  );
  const total = typeof list.first?.total === 'number' ? list.first.total : list.first && !list.hasMore ? list.items.length : undefined;
  const shown = list.items.length;
  return (
    <>
      <PageTitle title="page.derivationFailures"
        extra={total !== undefined && <Typography.Text data-testid="set-aside-total">{t(total > shown ? 'setAside.totalOfShown' : 'setAside.total', { n: total, shown })}</Typography.Text>} />
      <Typography.Paragraph type="secondary" data-testid="page-explain">{t('setAside.explain')}</Typography.Paragraph>
      <ErrorAlert error={retry.error} />
      {retry.data && <Alert type="success" showIcon data-testid="retry-started" style={{ marginBottom: 16 }} title={t('setAside.retrying', { callId: retry.data.callId })} />}
      <ListTable<SetAsideCall> list={list} rowKey="callId" testId="set-aside-table"
        columns={[
          { key: 'callId', label: 'field.callId' },
          { key: 'attempts', label: 'field.attempts' },
          {
            key: 'lastError', label: 'field.lastError',
            // Up to 2,000 characters of a stack or message: one line here, the whole text on hover.
            render: (r) => <Typography.Text code ellipsis={{ tooltip: r.lastError }} style={{ maxWidth: 420 }}>{r.lastError}</Typography.Text>,
          },
          { key: 'setAsideAt', label: 'field.setAsideAt', kind: 'instant' },
          { key: 'timesSetAside', label: 'field.timesSetAside' },
        ]}
        actions={(r) => (
          <Button size="small" type="primary" data-testid={`retry-${r.callId}`} loading={retry.isPending && retry.variables?._id === r.callId}
            onClick={() => retry.mutate({ _id: r.callId })}>{t('action.retry')}</Button>
        )} />
    </>
  );
}
