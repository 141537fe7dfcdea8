import { Alert, Button, Card, Descriptions, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { ResponseOf } from '../../api/client';
import { useApiList, useApiMutation, useApiQuery } from '../../api/hooks';
import { ActionForm } from '../../components/ActionForm';
import { EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatInstant, periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { SwapRequestForm } from '../agent/MySchedulePage';

type Row = Record<string, unknown>;

/** Complaints 投诉: register, then judge valid or not (only valid ones count against the agent). */
export function ComplaintsPage() {
  const [judging, setJudging] = useState<string | null>(null);
  const { t } = useI18n();
  return (
    <>
      <PageTitle title="page.complaints" />
      <Section title="complaints.register">
        <ActionForm service="qa-evaluation" path={() => '/v1/complaints'}
          fields={[
            { name: 'receivedAt', label: 'field.receivedAt', type: 'datetime', required: true },
            { name: 'channel', label: 'field.channel', type: 'select', required: true, options: [
              { value: 'phone', label: 'channel.phone' }, { value: 'email', label: 'channel.email' }, { value: 'chat', label: 'channel.chat' }, { value: 'letter', label: 'channel.letter' },
            ] },
            { name: 'agentId', label: 'field.agent', type: 'agent' },
            { name: 'callId', label: 'field.callIdOptional' },
            { name: 'summary', label: 'field.summary', type: 'textarea', required: true },
          ]}
          submit="action.create" />
      </Section>
      <DataTable
        service="qa-evaluation"
        path="/v1/complaints"
        rowKey="complaintId"
        columns={[
          { key: 'receivedAt', label: 'field.receivedAt', kind: 'instant' },
          { key: 'channel', label: 'field.channel', kind: 'tag', prefix: 'channel' },
          { key: 'agentId', label: 'field.agentId' },
          { key: 'summary', label: 'field.summary' },
          // Judged or not shows in `valid` (null until judged): a complaint has no status.
          { key: 'valid', label: 'field.valid', kind: 'bool' },
        ]}
        actions={(r) => <Button size="small" onClick={() => setJudging(String(r.complaintId))}>{t('action.judge')}</Button>}
      />
      {judging && (
        <Section title="complaints.judge">
          <ActionForm service="qa-evaluation" path={() => `/v1/complaints/${encodeURIComponent(judging)}/judgement`} onDone={() => setJudging(null)}
            fields={[
              { name: 'valid', label: 'field.valid', type: 'bool', initial: false },
              { name: 'agentId', label: 'field.agent', type: 'agent' },
              { name: 'category', label: 'field.category', required: true },
              { name: 'reason', label: 'field.reason', type: 'textarea', required: true },
            ]}
            submit="action.submit" />
        </Section>
      )}
    </>
  );
}

/** Leave and swap requests waiting for a decision; a refusal names the rule in words. */
export function ApprovalsPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(periodOf(new Date()));
  const leave = useApiMutation<{ _id: string; approve: boolean }>('attendance', (b) => `/v1/leave/${encodeURIComponent(b._id)}/decision`);
  const swap = useApiMutation<{ _id: string; approve: boolean }>('attendance', (b) => `/v1/shift-swaps/${encodeURIComponent(b._id)}/decision`);
  const decide = (m: typeof leave, id: string) => (
    <Space>
      <Button size="small" type="primary" onClick={() => m.mutate({ _id: id, approve: true })}>{t('action.approve')}</Button>
      <Button size="small" danger onClick={() => m.mutate({ _id: id, approve: false })}>{t('action.refuse')}</Button>
    </Space>
  );
  return (
    <>
      <PageTitle title="page.approvals" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Section title="approvals.leave">
        <ErrorAlert error={leave.error} />
        <DataTable service="attendance" path="/v1/leave" query={{ period }} rowKey="leaveId"
          columns={[
            { key: 'agentId', label: 'field.agentId' },
            { key: 'type', label: 'field.leaveType', kind: 'tag', prefix: 'leave' },
            { key: 'from', label: 'field.from' },
            { key: 'to', label: 'field.to' },
            { key: 'status', label: 'field.status', kind: 'tag' },
          ]}
          actions={(r) => decide(leave, String(r.leaveId))} />
      </Section>
      <Section title="approvals.swaps">
        <div data-testid="swap-decision-error"><ErrorAlert error={swap.error} /></div>
        <DataTable service="attendance" path="/v1/shift-swaps" rowKey="swapId"
          columns={[
            { key: 'requesterId', label: 'field.requester' },
            { key: 'counterpartId', label: 'field.counterpart' },
            { key: 'date', label: 'field.swapDate' },
            { key: 'paybackDate', label: 'field.paybackDate' },
            { key: 'status', label: 'field.status', kind: 'tag' },
          ]}
          actions={(r) => decide(swap, String(r.swapId))} />
      </Section>
      <Section title="approvals.fileSwap">
        <SwapRequestForm />
      </Section>
    </>
  );
}

/** Month close: the state of the month, the appraisals still missing, close (or force it). */
export function MonthClosePage() {
  const { t, lang, tm } = useI18n();
  const [period, setPeriod] = useState(previousPeriod(periodOf(new Date())));
  const state = useApiQuery('scoring', `/v1/periods/${period}`);
  const close = useApiMutation<{ _p: string; force?: boolean }>('scoring', (b) => `/v1/periods/${b._p}/close`);
  const err = close.error instanceof ApiError ? close.error : null;
  const closed = state.data?.state === 'closed';
  const missing = closed ? [] : state.data?.missingAppraisals?.length ? state.data.missingAppraisals : missingFrom(err);
  return (
    <>
      <PageTitle title="page.monthClose" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Card>
        {state.error && <ErrorAlert error={state.error} />}
        {state.data && (
          <Descriptions column={2} items={[
            { key: 's', label: t('field.status'), children: <Tag>{codeLabel(lang, 'status', state.data.state)}</Tag> },
            { key: 'c', label: t('field.closedAt'), children: formatInstant(state.data.closedAt, lang) },
          ]} />
        )}
        {missing.length > 0 && (
          <Alert data-testid="missing-appraisals" type="warning" showIcon style={{ margin: '12px 0' }} title={t('close.missing', { n: missing.length })}
            description={<List size="small" dataSource={missing} renderItem={(a) => <List.Item>{a}</List.Item>} />} />
        )}
        {err && <Alert type="error" showIcon title={tm(err.message)} description={<code>{err.code}</code>} />}
        {close.isSuccess && <Alert data-testid="close-done" type="success" showIcon title={t('close.done')} />}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" data-testid="close-month" disabled={closed} loading={close.isPending} onClick={() => close.mutate({ _p: period })}>{t('action.closeMonth')}</Button>
          {missing.length > 0 && !closed && <Button danger data-testid="force-close" onClick={() => close.mutate({ _p: period, force: true })}>{t('action.forceClose')}</Button>}
        </Space>
      </Card>
    </>
  );
}

/** The agents a refused close names (in its body or its details). */
export function missingFrom(err: ApiError | null): string[] {
  if (!err) return [];
  const body = (err.body ?? {}) as Record<string, unknown>;
  const list = body.missingAppraisals ?? body.missing ?? body.agentIds;
  if (Array.isArray(list)) return list.map((x) => (typeof x === 'string' ? x : String((x as Row).agentId ?? JSON.stringify(x))));
  return err.details.filter((d) => /agent|appraisal/i.test(d.path)).map((d) => d.message);
}

/** The months that are closed (HR, payroll): the last year's months and their state. */
export function ClosedMonthsPage() {
  const { t } = useI18n();
  const periods: string[] = [];
  let p = periodOf(new Date());
  for (let i = 0; i < 12; i++) periods.push((p = previousPeriod(p)));
  return (
    <>
      <PageTitle title="page.closedMonths" />
      <Card><List dataSource={periods} renderItem={(period) => <PeriodLine period={period} />} locale={{ emptyText: t('state.empty') }} /></Card>
    </>
  );
}

function PeriodLine({ period }: { period: string }) {
  const { lang } = useI18n();
  const q = useApiQuery('scoring', `/v1/periods/${period}`);
  return (
    <List.Item>
      <b>{period}</b>
      <span>{q.data ? <Tag>{codeLabel(lang, 'status', q.data.state)}</Tag> : q.error ? '—' : '…'}</span>
      <span>{formatInstant(q.data?.closedAt, lang)}</span>
    </List.Item>
  );
}

/** What-if: a policy document applied to a month, before and after per agent; nothing is published. */
export function WhatIfPage() {
  const [period, setPeriod] = useState(previousPeriod(periodOf(new Date())));
  const policies = useApiList('scoring', '/v1/policies', undefined, { all: true });
  const active = policies.items.find((p) => p.active);
  const policyError = policies.error;
  const [result, setResult] = useState<Simulation | null>(null);
  return (
    <>
      <PageTitle title="page.whatIf" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Section title="whatIf.policy">
        {policyError && <ErrorAlert error={policyError} />}
        <ActionForm key={String(Boolean(active))} layout="vertical" service="scoring" path={() => '/v1/policies/simulate'} toBody={(v) => ({ period, policy: v.policy })}
          fields={[{ name: 'policy', label: 'field.policyJson', type: 'json', required: true, initial: JSON.stringify(active?.document ?? {}, null, 2) }]}
          submit="action.simulate" onDone={(r) => setResult(r as Simulation)} />
      </Section>
      {result !== null && <WhatIfResult result={result} />}
    </>
  );
}

// ActionForm hands back its answer untyped: this is what scoring's document says the what-if answers.
type Simulation = ResponseOf<'scoring', 'post', '/v1/policies/simulate'>;

function WhatIfResult({ result }: { result: Simulation }) {
  const { t } = useI18n();
  const rows = result.agents.map((r) => ({
    agentId: r.agentId,
    before: r.before.total,
    after: r.after.total,
    beforePay: r.before.payTotal,
    afterPay: r.after.payTotal,
  }));
  return (
    <div data-testid="what-if-result"><Section title="whatIf.result">
      <EChartLazy rows={rows} labels={[t('whatIf.before'), t('whatIf.after')]} />
      <List size="small" header={<b>{t('whatIf.table')}</b>} dataSource={rows} renderItem={(r) => (
        <List.Item>
          <span style={{ width: 120 }}>{r.agentId}</span>
          <span>{t('whatIf.before')}: {r.before ?? '—'}</span>
          <span>{t('whatIf.after')}: {r.after ?? '—'}</span>
          <Tag color={(r.after ?? 0) >= (r.before ?? 0) ? 'green' : 'red'}>{r.after !== null && r.before !== null ? (Math.round((r.after - r.before) * 100) / 100).toString() : '—'}</Tag>
          <span>¥ {r.beforePay ?? '—'} → {r.afterPay ?? '—'}</span>
        </List.Item>
      )} />
    </Section></div>
  );
}


function EChartLazy({ rows, labels }: { rows: Array<{ agentId: string; before: number | null; after: number | null }>; labels: [string, string] | string[] }) {
  return <EChart option={{ tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: rows.map((r) => r.agentId) }, yAxis: { type: 'value' }, series: [{ type: 'bar', name: labels[0], data: rows.map((r) => r.before) }, { type: 'bar', name: labels[1], data: rows.map((r) => r.after) }] }} />;
}

