import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { ActionForm } from '../../components/ActionForm';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { periodOf } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';

type Row = Record<string, unknown>;

/** The calls sampling picked for me this month; each opens the scoring form. */
export function WorkListPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(periodOf(new Date()));
  return (
    <>
      <PageTitle title="page.workList" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <DataTable<Row>
        testId="work-list"
        service="qa-evaluation"
        path="/v1/work-list"
        query={{ period, evaluatorId: session?.user.sub }}
        rowKey="callId"
        columns={[
          { key: 'callId', label: 'field.callId' },
          { key: 'agentId', label: 'field.agentId' },
          { key: 'queue', label: 'call.queue' },
          { key: 'answeredAt', label: 'field.occurredAt', kind: 'instant' },
          { key: 'status', label: 'field.status', kind: 'tag' },
        ]}
        actions={(r) => (
          <Button size="small" type="primary" onClick={() => navigate(`/qa/score?callId=${encodeURIComponent(String(r.callId))}&agentId=${encodeURIComponent(String(r.agentId ?? ''))}`)}>
            {t('action.score')}
          </Button>
        )}
      />
    </>
  );
}

/** Agents' disputes of evaluation items, to uphold or reject. */
export function DisputesPage() {
  const [deciding, setDeciding] = useState<string | null>(null);
  const { t } = useI18n();
  return (
    <>
      <PageTitle title="page.disputes" />
      <DataTable<Row>
        service="qa-evaluation"
        path="/v1/disputes"
        query={{ status: 'open' }}
        rowKey="disputeId"
        columns={[
          { key: 'evaluationId', label: 'field.evaluationId' },
          { key: 'agentId', label: 'field.agentId' },
          { key: 'itemId', label: 'field.itemId' },
          { key: 'reason', label: 'field.reason' },
          { key: 'createdAt', label: 'field.occurredAt', kind: 'instant' },
        ]}
        actions={(r) => <Button size="small" onClick={() => setDeciding(String(r.disputeId))}>{t('action.decide')}</Button>}
      />
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

/** Calibration sessions: several inspectors score the same call; the report shows how far apart they were. */
export function CalibrationPage() {
  const [report, setReport] = useState<string | null>(null);
  const { t } = useI18n();
  return (
    <>
      <PageTitle title="page.calibration" />
      <Section title="calibration.new">
        <ActionForm service="qa-evaluation" path={() => '/v1/calibration-sessions'}
          fields={[
            { name: 'callId', label: 'field.callId', required: true },
            { name: 'evaluatorIds', label: 'field.evaluators', type: 'list', required: true },
            { name: 'dueAt', label: 'field.dueAt', type: 'datetime' },
          ]}
          submit="action.create" />
      </Section>
      <DataTable<Row>
        service="qa-evaluation"
        path="/v1/calibration-sessions"
        rowKey="sessionId"
        columns={[
          { key: 'sessionId', label: 'field.id' },
          { key: 'callId', label: 'field.callId' },
          { key: 'status', label: 'field.status', kind: 'tag' },
          { key: 'createdAt', label: 'field.occurredAt', kind: 'instant' },
        ]}
        actions={(r) => <Button size="small" onClick={() => setReport(String(r.sessionId))}>{t('action.report')}</Button>}
      />
      {report && (
        <Section title="calibration.report" extra={<Space><Button size="small" onClick={() => setReport(null)}>{t('action.close')}</Button></Space>}>
          <DataTable<Row>
            service="qa-evaluation"
            path={`/v1/calibration-sessions/${encodeURIComponent(report)}/report`}
            rowKey="evaluatorId"
            columns={[
              { key: 'evaluatorId', label: 'field.evaluator' },
              { key: 'score', label: 'field.score', kind: 'score' },
              { key: 'deviation', label: 'field.deviation', kind: 'score' },
            ]}
          />
        </Section>
      )}
    </>
  );
}
