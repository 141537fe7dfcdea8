import { Badge, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import type { ItemOf, ResponseOf } from '../../api/client';
import { useApiList, useApiMutation } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/ListPage';
import { RecordActions } from '../../components/RecordActions';
import { formatInstant } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

/** An inbox item as notification's OpenAPI document declares it. */
type InboxItem = ItemOf<ResponseOf<'notification', 'get', '/v1/inbox'>>;

const COLOR = { info: 'blue', warning: 'orange', critical: 'red' } as const;

/** A reward/penalty record the agent signs from the inbox (notification forwards the signature to qa-evaluation). */
const isConductRecord = (item: InboxItem) => /^qa\.conduct/.test(item.kind) && typeof item.facts?.recordId === 'string';

/** My in-app notifications; a reward/penalty record can be signed or appealed right here. */
export function InboxPage() {
  const { t, tm, lang } = useI18n();
  const { session, role } = useAuth();
  // Newest first, a page at a time; the refresh re-reads the pages loaded so far.
  const q = useApiList('notification', '/v1/inbox', undefined, { refetchInterval: 10_000 });
  const read = useApiMutation<{ _id: string }, ResponseOf<'notification', 'post', `/v1/inbox/${string}/read`>>('notification', (b) => `/v1/inbox/${encodeURIComponent(b._id)}/read`);
  const sign = useApiMutation<{ _id: string }, ResponseOf<'notification', 'post', `/v1/inbox/${string}/acknowledge`>>('notification', (b) => `/v1/inbox/${encodeURIComponent(b._id)}/acknowledge`);
  const items = q.items;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('page.inbox')}</Typography.Title>
      {q.error && <ErrorAlert error={q.error} />}
      <ErrorAlert error={sign.error ?? read.error} />
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
              const id = item.itemId;
              const isRead = Boolean(item.readAt);
              const mine = role === 'agent' && isConductRecord(item) && item.agentId === session?.user.agentId;
              const signed = Boolean(item.acknowledgedAt);
              return (
                <List.Item
                  data-testid="inbox-item"
                  actions={[
                    ...(mine
                      ? [
                          <Button key="sign" size="small" type="primary" disabled={signed} loading={sign.isPending && sign.variables?._id === id} onClick={() => sign.mutate({ _id: id })} data-testid="inbox-sign">
                            {signed ? t('records.signedLabel') : t('action.sign')}
                          </Button>,
                          <RecordActions key="rec" recordId={String(item.facts?.recordId)} appealOnly />,
                        ]
                      : []),
                    !isRead && <Button key="read" size="small" onClick={() => read.mutate({ _id: id })}>{t('action.markRead')}</Button>,
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    title={<Space>{!isRead && <Badge status="processing" />}<Tag color={COLOR[item.severity] ?? 'default'}>{t(`severity.${item.severity}` as MessageKey)}</Tag>{tm(item.title)}</Space>}
                    description={<>{item.body && <div>{tm(item.body)}</div>}<Typography.Text type="secondary">{formatInstant(item.occurredAt, lang)} · <span data-testid="inbox-kind" title={item.kind}>{codeLabel(lang, 'alert', item.kind)}</span></Typography.Text></>}
                  />
                </List.Item>
              );
            }}
          />
          <LoadMore list={q} testId="inbox-more" />
        </Card>
      )}
    </Space>
  );
}
