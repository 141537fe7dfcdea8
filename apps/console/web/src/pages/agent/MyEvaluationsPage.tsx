import { Button, Drawer, Space } from 'antd';
import { useState } from 'react';
import type { ItemOf, ResponseOf } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { periodOf } from '../../format/format';
import { useI18n } from '../../i18n/I18nProvider';
import { EvaluationReview } from './EvaluationReview';

type Evaluation = ItemOf<ResponseOf<'qa-evaluation', 'get', '/v1/evaluations'>>;

/** My released evaluations: review the call (recording, transcript, the machine's answers), acknowledge one, or dispute an item of it. */
export function MyEvaluationsPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const [period, setPeriod] = useState(periodOf(new Date()));
  const [disputing, setDisputing] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<Evaluation | null>(null);
  const ack = useApiMutation<{ _id: string }>('qa-evaluation', (b) => `/v1/evaluations/${encodeURIComponent(b._id)}/acknowledge`);
  return (
    <>
      <PageTitle title="page.myEvaluations" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <ErrorAlert error={ack.error} />
      <DataTable
        service="qa-evaluation"
        path="/v1/evaluations"
        query={{ agentId: session?.user.agentId, period }}
        rowKey="evaluationId"
        columns={[
          { key: 'callId', label: 'field.callId' },
          // The list names an evaluation's time `createdAt` (there is no `evaluatedAt`).
          { key: 'createdAt', label: 'field.evaluatedAt', kind: 'instant' },
          { key: 'score', label: 'field.score', kind: 'score' },
          { key: 'percent', label: 'field.percent', kind: 'score' },
          { key: 'status', label: 'field.status', kind: 'tag' },
        ]}
        actions={(e) => (
          <Space>
            <Button size="small" data-testid={`review-${e.callId}`} onClick={() => setReviewing(e)}>{t('review.open')}</Button>
            <Button size="small" disabled={e.status === 'acknowledged'} onClick={() => ack.mutate({ _id: e.evaluationId })}>{t('action.acknowledge')}</Button>
            <Button size="small" onClick={() => setDisputing(e.evaluationId)}>{t('action.dispute')}</Button>
          </Space>
        )}
      />
      <Drawer open={reviewing !== null} onClose={() => setReviewing(null)} size={1100} destroyOnHidden title={reviewing ? t('review.title', { callId: reviewing.callId }) : ''}>
        {reviewing && <EvaluationReview evaluationId={reviewing.evaluationId} callId={reviewing.callId} />}
      </Drawer>
      {disputing && (
        <Section title="evaluations.disputeTitle">
          <ActionForm
            service="qa-evaluation"
            path={() => `/v1/evaluations/${encodeURIComponent(disputing)}/disputes`}
            fields={[
              { name: 'itemId', label: 'field.itemId', required: true },
              { name: 'reason', label: 'field.reason', type: 'textarea', required: true },
            ]}
            submit="action.dispute"
            onDone={() => setDisputing(null)}
          />
        </Section>
      )}
    </>
  );
}
