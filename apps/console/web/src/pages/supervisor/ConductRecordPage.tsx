import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { ResponseOf } from '../../api/client';
import { useApiList, useApiMutation } from '../../api/hooks';
import { AgentSelect } from '../../components/AgentSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatYuan } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { pickLabel } from '../../i18n/translate';

type Recorded = ResponseOf<'qa-evaluation', 'post', '/v1/conduct-records'>;

interface Values {
  agentId: string;
  code: string;
  occurredAt: string;
  callId?: string;
  amount?: number;
  points?: number;
  note: string;
}

/** Recording a reward or penalty 奖罚记录 from the catalogue (rules.md §4–§5). */
export function ConductRecordPage() {
  const { t, lang, tm } = useI18n();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<Recorded | null>(null);
  const catalogue = useApiList('qa-evaluation', '/v1/conduct-catalogue', undefined, { all: true });
  const items = catalogue.items;
  const code = Form.useWatch('code', form);
  const chosen = items.find((i) => i.code === code);
  const needsAmount = chosen ? chosen.amountFromRecord || chosen.code === 'LOSS' : false;
  const create = useApiMutation<object, Recorded>('qa-evaluation', () => '/v1/conduct-records');

  const submit = (v: Values) => {
    const body = { agentId: v.agentId, code: v.code, occurredAt: new Date(v.occurredAt).toISOString(), note: v.note, ...(v.callId ? { callId: v.callId } : {}), ...(v.amount !== undefined && v.amount !== null ? { amount: v.amount } : {}) };
    create.mutate(body, {
      onSuccess: (r) => {
        setDone(r);
        form.resetFields(['code', 'callId', 'amount', 'note']);
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(Object.entries(e.fieldErrors()).map(([name, msg]) => ({ name: name as keyof Values, errors: [tm(msg)] })));
      },
    });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('page.conduct')}</Typography.Title>
      <Card style={{ maxWidth: 720 }}>
        {catalogue.error && <ErrorAlert error={catalogue.error} />}
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ occurredAt: localNow() }}>
          <Form.Item name="agentId" label={t('field.agent')} rules={[{ required: true, message: t('validation.required') }]}>
            <AgentSelect />
          </Form.Item>
          <Form.Item name="code" label={t('field.catalogueItem')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              data-testid="code-select"
              showSearch={{ optionFilterProp: 'label' }}
              loading={catalogue.isLoading}
              options={items.map((i) => ({
                value: i.code,
                label: `${pickLabel(lang, i.labelZh, i.labelEn)} · ${t(`kind.${i.kind}` as MessageKey)}${typeof i.amount === 'number' ? ` ${formatYuan(i.amount, lang)}` : ''}${typeof i.points === 'number' ? ` ${t('unit.points', { n: i.points })}` : ''} (${i.code})`,
              }))}
            />
          </Form.Item>
          {chosen && (
            <Alert style={{ marginBottom: 16 }} type={chosen.kind === 'reward' ? 'success' : 'warning'} title={<>
              <Tag>{t(`kind.${chosen.kind}` as MessageKey)}</Tag>{pickLabel(lang, chosen.labelZh, chosen.labelEn)}
            </>} />
          )}
          <Form.Item name="occurredAt" label={t('field.occurredAt')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input type="datetime-local" data-testid="occurred-at" />
          </Form.Item>
          {needsAmount && (
            <Form.Item name="amount" label={t('field.amountYuan')} rules={[{ required: true, message: t('validation.required') }, { type: 'number', min: 0.01, message: t('validation.positive') }]}>
              <InputNumber precision={2} min={0} style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item name="callId" label={t('field.callIdOptional')}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={t('field.note')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} data-testid="note" />
          </Form.Item>
          <ErrorAlert error={create.error} />
          {done && <Alert style={{ marginBottom: 16 }} type="success" showIcon title={t('conduct.recorded', { id: done.recordId })} data-testid="record-created" />}
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="record-submit">
            {t('action.record')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

/** Now as a datetime-local value (the browser's zone). */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}
