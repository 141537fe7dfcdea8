import { Badge, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { asList } from '../../api/api-error';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordActions } from '../../components/RecordActions';
import { formatInstant } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

interface InboxItem {
  id?: string;
  inboxId?: string;
  alertId: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  body?: string;
  occurredAt?: string;
  readAt?: string | null;
  read?: boolean;
  facts?: Record<string, unknown>;
}

const COLOR = { info: 'blue', warning: 'orange', critical: 'red' } as const;

/** My in-app notifications; a reward/penalty record can be signed or appealed right here. */
export function InboxPage() {
  const { t, tm, lang } = useI18n();
  const { role } = useAuth();
  const q = useApiQuery<unknown>('notification', '/v1/inbox', undefined, { refetchInterval: 10_000 });
  const read = useApiMutation<{ _id: string }>('notification', (b) => `/v1/inbox/${encodeURIComponent(b._id)}/read`);
  const items = asList<InboxItem>(q.data);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('page.inbox')}</Typography.Title>
      {q.error && <ErrorAlert error={q.error} />}
      {q.isLoading ? (
        <Skeleton active />
      ) : (
        <Card>
          <List<InboxItem>
            data-testid="inbox-list"
            dataSource={items}
            locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
            pagination={items.length > 20 ? { pageSize: 20 } : false}
            renderItem={(item) => {
              const id = item.id ?? item.inboxId ?? item.alertId;
              const isRead = item.read ?? Boolean(item.readAt);
              const recordId = typeof item.facts?.recordId === 'string' ? item.facts.recordId : null;
              return (
                <List.Item
                  data-testid="inbox-item"
                  actions={[
                    ...(recordId && role === 'agent' ? [<RecordActions key="rec" recordId={recordId} signed={item.facts?.acknowledged === true} />] : []),
                    !isRead && <Button key="read" size="small" onClick={() => read.mutate({ _id: id })}>{t('action.markRead')}</Button>,
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    title={<Space>{!isRead && <Badge status="processing" />}<Tag color={COLOR[item.severity] ?? 'default'}>{t(`severity.${item.severity}` as MessageKey)}</Tag>{tm(item.title)}</Space>}
                    description={<>{item.body && <div>{tm(item.body)}</div>}<Typography.Text type="secondary">{formatInstant(item.occurredAt, lang)} · {item.kind}</Typography.Text></>}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}
    </Space>
  );
}
