import { Alert, Button, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import type { PostPath, Service } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { AgentSelect } from './AgentSelect';
import { ErrorAlert } from './ErrorAlert';
import { normalise, type FieldSpec, type Values } from './form-values';

export interface Field extends FieldSpec {
  label: MessageKey;
  required?: boolean;
  options?: Array<{ value: string; label: MessageKey }>;
  initial?: unknown;
}

/**
 * A form that is checked before it is sent, posts to a service, and puts the server's field errors
 * on the fields they name. `toBody` shapes the values (dates to instants, JSON text to objects).
 */
export function ActionForm({ service, path, fields, submit, toBody, onDone, layout = 'inline', testId }: {
  service: Service;
  path(values: Values): PostPath;
  fields: Field[];
  submit: MessageKey;
  toBody?(values: Values): unknown;
  onDone?(result: unknown): void;
  layout?: 'inline' | 'vertical';
  testId?: string;
}) {
  const { t, tm } = useI18n();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  // One key per submission: a repeat of it (a double click, a retry after a lost answer) files nothing twice; the
  // next submission, after a success, is a new record.
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());
  const m = useApiMutation<Values, unknown>(service, (b) => path(b._values as Values));
  const finish = (raw: Values) => {
    let values: Values;
    try {
      values = normalise(fields, raw);
    } catch {
      form.setFields([{ name: fields.find((f) => f.type === 'json')?.name ?? '', errors: [t('validation.json')] }]);
      return;
    }
    setDone(false);
    // The path is built from the values (`_values` is not sent); the body is what toBody makes of them.
    const body = toBody ? toBody(values) : values;
    m.mutate({ _values: values, _idempotencyKey: submissionKey, ...(body as object) }, {
      onSuccess: (r) => { setDone(true); setSubmissionKey(crypto.randomUUID()); onDone?.(r); },
      onError: (e) => {
        if (!(e instanceof ApiError)) return;
        const known = new Set(fields.map((f) => f.name));
        const errs = Object.entries(e.fieldErrors()).filter(([k]) => known.has(k));
        form.setFields(errs.map(([name, msg]) => ({ name, errors: [tm(msg)] })));
      },
    });
  };
  return (
    <Form form={form} layout={layout} onFinish={finish} data-testid={testId} style={{ rowGap: 8 }}
      initialValues={Object.fromEntries(fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]))}>
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={t(f.label)} valuePropName={f.type === 'bool' ? 'checked' : 'value'}
          rules={f.required ? [{ required: true, message: t('validation.required') }] : []}>
          {control(f, t)}
        </Form.Item>
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending}>{t(submit)}</Button>
      </Form.Item>
      {m.error && <div style={{ width: '100%' }}><ErrorAlert error={m.error} /></div>}
      {done && <Alert type="success" showIcon title={t('state.saved')} />}
    </Form>
  );
}

function control(f: Field, t: (k: MessageKey) => string) {
  switch (f.type) {
    case 'textarea': return <Input.TextArea rows={2} style={{ minWidth: 260 }} />;
    case 'json': return <Input.TextArea rows={8} style={{ minWidth: 420, fontFamily: 'monospace' }} />;
    case 'number': return <InputNumber />;
    case 'date': return <Input type="date" />;
    case 'month': return <Input type="month" />;
    case 'datetime': return <Input type="datetime-local" />;
    case 'bool': return <Switch />;
    case 'agent': return <AgentSelect testId={`field-${f.name}`} />;
    case 'select': return <Select style={{ minWidth: 140 }} options={(f.options ?? []).map((o) => ({ value: o.value, label: t(o.label) }))} />;
    default: return <Input />;
  }
}
