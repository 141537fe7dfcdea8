import { Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ResponseOf } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatScore, periodOf } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';

type Row = Record<string, unknown>;
type CalibrationEvaluator = ResponseOf<'qa-evaluation', 'get', `/v1/calibrations/${string}/report`>['evaluators'][number];

/** The calls sampling assigned to me this month, by due date; each opens the scoring form. */
export function WorkListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(periodOf(new Date()));
  return (
    <>
      <PageTitle title="page.workList" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Section title="workList.sample">
        <ActionForm service="qa-evaluation" path={() => '/v1/sampling/runs'} toBody={(v) => ({ period, ...v })}
          fields={[{ name: 'perAgent', label: 'field.perAgent', type: 'number' }, { name: 'targeting', label: 'field.targeting', type: 'bool', initial: true }]}
          submit="action.runSampling" />
      </Section>
      <DataTable
        testId="work-list"
        service="qa-evaluation"
        path="/v1/sampling/work-list"
        query={{ period }}
        rowKey="callId"
        columns={[
          { key: 'dueDate', label: 'field.dueAt' },
          { key: 'callId', label: 'field.callId' },
          { key: 'agentId', label: 'field.agentId' },
          { key: 'week', label: 'field.week' },
          { key: 'evaluationId', label: 'field.status', render: (r) => (r.evaluationId ? <Tag color="green">{t('status.submitted')}</Tag> : <Tag>{t('status.pending')}</Tag>) },
        ]}
        actions={(r) => (
          <Button size="small" type="primary" disabled={Boolean(r.evaluationId)} onClick={() => navigate(`/qa/score?callId=${encodeURIComponent(String(r.callId))}&agentId=${encodeURIComponent(String(r.agentId ?? ''))}`)}>
            {t('action.score')}
          </Button>
        )}
      />
    </>
  );
}

/** Disputes of one evaluation's items: the reviewer accepts (the evaluation is revised) or rejects each. */
export function DisputesPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(periodOf(new Date()));
  const [evaluationId, setEvaluationId] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const release = useApiMutation<{ _id: string }>('qa-evaluation', (b) => `/v1/evaluations/${encodeURIComponent(b._id)}/release`);
  return (
    <>
      <ErrorAlert error={release.error} />
      <PageTitle title="page.disputes" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Section title="disputes.evaluations">
        <DataTable service="qa-evaluation" path="/v1/evaluations" query={{ period }} rowKey="evaluationId"
          columns={[
            { key: 'evaluationId', label: 'field.evaluationId' },
            { key: 'agentId', label: 'field.agentId' },
            { key: 'callId', label: 'field.callId' },
            { key: 'percent', label: 'field.percent', kind: 'score' },
            { key: 'status', label: 'field.status', kind: 'tag' },
          ]}
          actions={(r) => (
            <Space>
              <Button size="small" disabled={r.status !== 'submitted'} onClick={() => release.mutate({ _id: String(r.evaluationId) })}>{t('action.release')}</Button>
              <Button size="small" onClick={() => setEvaluationId(String(r.evaluationId))}>{t('nav.disputes')}</Button>
            </Space>
          )} />
      </Section>
      {evaluationId && (
        <Section title="disputes.ofEvaluation" extra={<Button size="small" onClick={() => setEvaluationId(null)}>{t('action.close')}</Button>}>
          <DataTable service="qa-evaluation" path={`/v1/evaluations/${encodeURIComponent(evaluationId)}/disputes`} rowKey="disputeId"
            columns={[
              { key: 'itemId', label: 'field.itemId' },
              { key: 'reason', label: 'field.reason' },
              { key: 'status', label: 'field.status', kind: 'tag' },
              { key: 'filedAt', label: 'field.occurredAt', kind: 'instant' },
            ]}
            actions={(r) => <Button size="small" onClick={() => setDeciding(String(r.disputeId))}>{t('action.decide')}</Button>} />
        </Section>
      )}
      {deciding && (
        <Section title="disputes.decide">
          <ActionForm service="qa-evaluation" path={() => `/v1/disputes/${encodeURIComponent(deciding)}/decision`} onDone={() => setDeciding(null)}
            fields={[
              { name: 'accept', label: 'field.accept', type: 'bool', initial: false },
              { name: 'newValue', label: 'field.newValue', type: 'number' },
              { name: 'reason', label: 'field.reason', type: 'textarea', required: true },
            ]}
            submit="action.submit" />
        </Section>
      )}
    </>
  );
}

/** Calibration: several inspectors score the same call blind; the report shows how far apart they were. */
export function CalibrationPage() {
  const { t } = useI18n();
  const [sessionId, setSessionId] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <PageTitle title="page.calibration" />
      <Section title="calibration.new">
        <ActionForm service="qa-evaluation" path={() => '/v1/calibrations'} toBody={(v) => ({ formId: 'call-qa', ...v })}
          onDone={(r) => { const id = String((r as Row)?.sessionId ?? (r as Row)?.id ?? ''); setSessionId(id); setShown(id); }}
          fields={[
            { name: 'callId', label: 'field.callId', required: true },
            { name: 'formVersion', label: 'field.formVersion', type: 'number', required: true, initial: 1 },
            { name: 'evaluatorIds', label: 'field.evaluators', type: 'list', required: true },
            { name: 'expertId', label: 'field.expert' },
          ]}
          submit="action.create" />
      </Section>
      <Section title="calibration.report">
        <Space style={{ marginBottom: 12 }}>
          <Input placeholder={t('field.sessionId')} value={sessionId} onChange={(e) => setSessionId(e.target.value)} />
          <Button onClick={() => setShown(sessionId.trim() || null)}>{t('action.report')}</Button>
        </Space>
        {shown && <CalibrationReportTable sessionId={shown} />}
      </Section>
    </>
  );
}

/** One session's report (one object, not a list): each evaluator's score and distance from the expert. */
function CalibrationReportTable({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const report = useApiQuery('qa-evaluation', `/v1/calibrations/${encodeURIComponent(sessionId)}/report`);
  const score = (v: unknown) => (typeof v === 'number' ? formatScore(v) : '—');
  return (
    <>
      <ErrorAlert error={report.error} />
      <Table<CalibrationEvaluator> size="small" loading={report.isLoading} dataSource={report.data?.evaluators ?? []} rowKey={(r) => r.evaluatorId} pagination={false}
        locale={{ emptyText: t('state.empty') }}
        columns={[
          { title: t('field.evaluator'), dataIndex: 'evaluatorId' },
          { title: t('field.score'), render: (_: unknown, r: CalibrationEvaluator) => score(r.score) },
          { title: t('field.percent'), render: (_: unknown, r: CalibrationEvaluator) => score(r.percent) },
          { title: t('field.deviation'), render: (_: unknown, r: CalibrationEvaluator) => score(r.distanceFromExpert) },
          { title: t('field.itemsDiffering'), render: (_: unknown, r: CalibrationEvaluator) => (typeof r.itemsDifferingFromExpert === 'number' ? r.itemsDifferingFromExpert : '—') },
        ]} />
    </>
  );
}
