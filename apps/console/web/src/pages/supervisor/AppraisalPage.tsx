import { Alert, Button, Card, Divider, Form, Input, InputNumber, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useApiList, useApiMutation } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { AgentSelect } from '../../components/AgentSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LeadSelect } from '../../components/LeadSelect';
import { PageTitle } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatScore, periodOf, previousPeriod } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';
import { pickLabel } from '../../i18n/translate';
import { appraisableRoles, appraisalTotal, bandOf, checkAppraisal } from '../../qa/appraisal';
import { pickForm } from '../../qa/pick-form';

/**
 * The monthly appraisal of one person on the seeded form, the rule's bands beside each item: a supervisor
 * appraises agents and shift leads, the manager supervisors and QA inspectors (the same form).
 */
export function AppraisalPage() {
  const { t, lang, tm } = useI18n();
  const { role } = useAuth();
  const manager = role === 'manager';
  const [agentId, setAgentId] = useState<string>();
  const [period, setPeriod] = useState(previousPeriod(periodOf(new Date())));
  const [scores, setScores] = useState<Record<string, number | undefined>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const forms = useApiList('qa-evaluation', '/v1/forms', undefined, { all: true });
  const form = useMemo(() => (forms.first ? pickForm(forms.items, 'monthly-appraisal') : null), [forms.first, forms.items]);
  const submit = useApiMutation<object>('qa-evaluation', () => '/v1/appraisals');
  const send = () => {
    if (!form) return;
    const problems: Record<string, string> = Object.fromEntries(Object.entries(checkAppraisal(form, scores)).map(([k, v]) => [k, t(v === 'required' ? 'validation.required' : 'validation.range')]));
    if (!agentId) problems.agentId = t('validation.required');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    submit.mutate({ agentId, period, scores, ...(comment ? { comment } : {}) }, { onError: (e) => e instanceof ApiError && setErrors(e.fieldErrors()) });
  };
  return (
    <>
      <PageTitle title="page.appraisals" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Card style={{ maxWidth: 820 }}>
        <Alert data-testid="appraisal-who" type="info" showIcon style={{ marginBottom: 16 }} title={t(manager ? 'appraisal.managerHint' : 'appraisal.supervisorHint')} />
        <Form layout="vertical">
          <Form.Item label={t(manager ? 'field.appraisee' : 'field.agent')} required validateStatus={errors.agentId ? 'error' : undefined} help={errors.agentId && tm(errors.agentId)}>
            {manager ? (
              <LeadSelect period={period} value={agentId} onChange={setAgentId} />
            ) : (
              <AgentSelect value={agentId} onChange={setAgentId} roles={appraisableRoles(role)} />
            )}
          </Form.Item>
        </Form>
        {forms.error && <ErrorAlert error={forms.error} />}
        {form?.sections.map((s) => (
          <div key={s.sectionId}>
            <Divider titlePlacement="start">{pickLabel(lang, s.labelZh, s.labelEn)}</Divider>
            {s.items.map((i) => {
              const band = bandOf(i, scores[i.itemId]);
              const err = errors[`scores.${i.itemId}`];
              return (
                <div key={i.itemId} style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '4px 0' }}>
                  <span style={{ flex: 1 }}>
                    {pickLabel(lang, i.labelZh, i.labelEn)} <Typography.Text type="secondary">({t('qa.maxPoints', { n: i.maxPoints })}{i.bands ? ` · ${t('appraisal.bands', { goodMin: i.bands.good.min, goodMax: i.bands.good.max, poorMax: i.bands.poor.max })}` : ''})</Typography.Text>
                    {err && <div style={{ color: '#ff4d4f' }}>{tm(err)}</div>}
                  </span>
                  <InputNumber min={0} max={i.maxPoints} value={scores[i.itemId]} onChange={(v) => setScores((x) => ({ ...x, [i.itemId]: v ?? undefined }))} status={err ? 'error' : undefined} />
                  <span style={{ width: 70 }}>{band && <Tag color={band === 'good' ? 'green' : 'orange'}>{t(`band.${band}`)}</Tag>}</span>
                </div>
              );
            })}
          </div>
        ))}
        <Divider />
        <Space align="start" size="large">
          <Statistic title={t('appraisal.mainTotal')} value={formatScore(appraisalTotal(scores))} />
          <Input.TextArea rows={2} style={{ width: 360 }} placeholder={t('field.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Space>
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={submit.error} />
          {submit.isSuccess && <Alert type="success" showIcon title={t('state.saved')} />}
          <Button type="primary" onClick={send} loading={submit.isPending} style={{ marginTop: 8 }}>{t('action.submit')}</Button>
        </div>
      </Card>
    </>
  );
}
