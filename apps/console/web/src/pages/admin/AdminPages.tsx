import { Button, Space } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { periodOf } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';

type Row = Record<string, unknown>;

/** Policy documents: view, validate (a dry run), add a version, activate. */
export function PoliciesPage() {
  const { t } = useI18n();
  const [viewing, setViewing] = useState<Row | null>(null);
  const activate = useApiMutation<{ _id: string }>('scoring', (b) => `/v1/policies/${encodeURIComponent(b._id)}/activate`);
  return (
    <>
      <PageTitle title="page.policies" />
      <ErrorAlert error={activate.error} />
      <DataTable service="scoring" path="/v1/policies" rowKey="policyVersion"
        columns={[
          { key: 'policyVersion', label: 'field.version' },
          { key: 'name', label: 'field.name' },
          { key: 'effectiveFrom', label: 'field.effectiveFrom' },
          { key: 'active', label: 'field.active', kind: 'bool' },
          { key: 'activatedAt', label: 'field.activatedAt', kind: 'instant' },
        ]}
        actions={(r) => (
          <Space>
            <Button size="small" onClick={() => setViewing(r)}>{t('action.view')}</Button>
            <Button size="small" type="primary" onClick={() => activate.mutate({ _id: r.policyVersion })}>{t('action.activate')}</Button>
          </Space>
        )} />
      {viewing && <Section title="policies.document" extra={<Button size="small" onClick={() => setViewing(null)}>{t('action.close')}</Button>}><pre style={{ maxHeight: 400, overflow: 'auto' }}>{JSON.stringify(viewing, null, 2)}</pre></Section>}
      <Section title="policies.new">
        {/* Validation without saving goes through the what-if, which checks the document and publishes nothing. */}
        <ActionForm layout="vertical" service="scoring" path={(v) => (v.validateOnly ? '/v1/policies/simulate' : '/v1/policies')}
          toBody={(v) => (v.validateOnly ? { period: periodOf(new Date()), policy: v.document } : v.document)}
          fields={[
            { name: 'document', label: 'field.policyJson', type: 'json', required: true },
            { name: 'validateOnly', label: 'field.validateOnly', type: 'bool', initial: true },
          ]}
          submit="action.submit" />
      </Section>
    </>
  );
}

export function RoutingRulesPage() {
  return (
    <>
      <PageTitle title="page.routingRules" />
      <Section title="routing.new">
        <ActionForm layout="vertical" service="notification" path={() => '/v1/routing-rules'} toBody={(v) => v.rule}
          fields={[{ name: 'rule', label: 'field.ruleJson', type: 'json', required: true, initial: JSON.stringify({ kinds: ['call.long-hold'], severities: ['warning', 'critical'], channels: ['inbox'], recipients: { roles: ['supervisor'] } }, null, 2) }]}
          submit="action.create" />
      </Section>
      <DataTable service="notification" path="/v1/routing-rules" rowKey="ruleId"
        columns={[
          { key: 'ruleId', label: 'field.id' },
          // The kinds sit in the rule's match (absent = every kind).
          { key: 'match.kinds', label: 'field.kinds', kind: 'json' },
          { key: 'channels', label: 'field.channels', kind: 'json' },
          { key: 'recipients', label: 'field.recipients', kind: 'json' },
          { key: 'enabled', label: 'field.enabled', kind: 'bool' },
        ]} />
    </>
  );
}

export function WebhooksPage() {
  return (
    <>
      <PageTitle title="page.webhooks" />
      <Section title="webhooks.new">
        <ActionForm service="notification" path={() => '/v1/webhooks'}
          fields={[
            { name: 'url', label: 'field.url', required: true },
            { name: 'secret', label: 'field.secret', required: true },
            { name: 'kinds', label: 'field.kinds', type: 'list', required: true },
          ]}
          submit="action.create" />
      </Section>
      <DataTable service="notification" path="/v1/webhooks" rowKey="webhookId"
        columns={[
          { key: 'webhookId', label: 'field.id' },
          { key: 'url', label: 'field.url' },
          { key: 'kinds', label: 'field.kinds', kind: 'json' },
          { key: 'enabled', label: 'field.enabled', kind: 'bool' },
        ]} />
    </>
  );
}

export function DeliveriesPage() {
  const [alertId, setAlertId] = useState('');
  const { t } = useI18n();
  return (
    <>
      <PageTitle title="page.deliveries" extra={<input aria-label={t('field.alertId')} placeholder={t('field.alertId')} value={alertId} onChange={(e) => setAlertId(e.target.value)} />} />
      <DataTable service="notification" path="/v1/deliveries" query={{ alertId }} rowKey="deliveryId" refetchInterval={10_000}
        columns={[
          { key: 'alertId', label: 'field.alertId' },
          { key: 'channel', label: 'field.channel', kind: 'tag', prefix: 'channel' },
          { key: 'target', label: 'field.target' },
          { key: 'status', label: 'field.status', kind: 'tag' },
          { key: 'attempts', label: 'field.attempts' },
          { key: 'lastError', label: 'field.error' },
          { key: 'createdAt', label: 'field.occurredAt', kind: 'instant' },
        ]} />
    </>
  );
}

/** Messages a consumer gave up on: each raised `alerts.message.dead-lettered`; the delivery log holds them. */
export function DeadLettersPage() {
  return (
    <>
      <PageTitle title="page.deadLetters" />
      <DataTable service="notification" path="/v1/inbox" query={{ limit: 500 }} filter={(r) => r.kind === 'message.dead-lettered'} rowKey="alertId"
        columns={[
          { key: 'occurredAt', label: 'field.occurredAt', kind: 'instant' },
          { key: 'title', label: 'field.title' },
          { key: 'facts.subject', label: 'field.subject' },
          { key: 'facts.service', label: 'field.service' },
          { key: 'facts.error', label: 'field.error' },
        ]} />
    </>
  );
}
