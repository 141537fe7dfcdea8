import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApiList, useApiQuery } from '../../api/hooks';
import { navFor } from '../../app/nav';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/ListPage';
import { formatScore } from '../../format/format';
import { localDate } from '../../format/today';
import { useI18n } from '../../i18n/I18nProvider';
import { pickLabel } from '../../i18n/translate';
import { answerText, KAPPA_COLOR, kappaBand, monthSoFar, type Disagreement, type ItemAgreement } from '../../qa/agreement';
import { pickForm } from '../../qa/pick-form';

/**
 * Calibration of the machine against the evaluators (QA lead, admin): per item the machine answers, how often the
 * evaluators of the same calls agreed with it, Cohen's kappa with its usual reading, n, and the disagreeing calls,
 * each opening the scoring page on that call.
 */
export function MachineAgreementPage() {
  const { t, lang } = useI18n();
  const { role } = useAuth();
  const [range, setRange] = useState(() => monthSoFar(localDate(new Date())));
  const [draft, setDraft] = useState(range);
  const report = useApiQuery('qa-evaluation', '/v1/auto-evaluations/agreement', range);
  const forms = useApiList('qa-evaluation', '/v1/forms', undefined, { all: true });
  const form = useMemo(() => pickForm(forms.items, 'call-qa'), [forms.items]);
  const labelOf = (itemId: string) => {
    const item = form?.sections.flatMap((s) => s.items).find((i) => i.itemId === itemId);
    return item ? pickLabel(lang, item.labelZh, item.labelEn) : itemId;
  };
  // Only a role that may open the scoring page gets links to it.
  const canScore = navFor(role).some((n) => n.path === '/qa/score');
  const words = { yes: t('answer.yes'), no: t('answer.no'), na: t('answer.na') };
  return (
    <>
      <PageTitle title="page.machineAgreement" />
      <Typography.Paragraph type="secondary">{t('agreement.explain')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('field.from')}</span>
          <Input type="date" data-testid="agreement-from" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
          <span>{t('field.to')}</span>
          <Input type="date" data-testid="agreement-to" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
          <Button type="primary" data-testid="agreement-load" onClick={() => setRange(draft)}>{t('action.load')}</Button>
          {report.data && <Typography.Text data-testid="agreement-calls">{t('agreement.calls', { n: report.data.calls })}</Typography.Text>}
        </Space>
      </Card>
      <ErrorAlert error={report.error} />
      <Table<ItemAgreement>
        data-testid="agreement-table"
        size="small"
        rowKey="itemId"
        loading={report.isLoading}
        dataSource={report.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('state.empty') }}
        expandable={{
          rowExpandable: (r) => r.disagreementCount > 0,
          expandedRowRender: (r) => <Disagreements item={r} canScore={canScore} words={words} />,
        }}
        columns={[
          { title: t('field.item'), render: (_, r) => <span title={r.itemId}>{labelOf(r.itemId)}</span> },
          { title: t('field.compared'), dataIndex: 'compared', align: 'right', sorter: (a, b) => a.compared - b.compared },
          { title: t('field.agreed'), dataIndex: 'agreed', align: 'right' },
          { title: t('field.percentAgreement'), align: 'right', render: (_, r) => (r.percentAgreement === null ? '—' : `${formatScore(r.percentAgreement)}%`), sorter: (a, b) => (a.percentAgreement ?? -1) - (b.percentAgreement ?? -1) },
          { title: t('field.kappa'), align: 'right', render: (_, r) => (r.kappa === null ? '—' : r.kappa.toFixed(2)), sorter: (a, b) => (a.kappa ?? -2) - (b.kappa ?? -2), defaultSortOrder: 'ascend' },
          {
            title: t('field.kappaBand'),
            render: (_, r) => {
              const band = kappaBand(r.kappa);
              return band ? <Tag color={KAPPA_COLOR[band]} data-testid="kappa-band">{t(`kappa.${band}`)}</Tag> : '—';
            },
          },
          { title: t('field.disagreements'), dataIndex: 'disagreementCount', align: 'right' },
        ]}
      />
    </>
  );
}

function Disagreements({ item, canScore, words }: { item: ItemAgreement; canScore: boolean; words: { yes: string; no: string; na: string } }) {
  const { t } = useI18n();
  return (
    <>
      {item.disagreements.length < item.disagreementCount && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('agreement.listed', { shown: item.disagreements.length, n: item.disagreementCount })} />
      )}
      <Table<Disagreement>
        size="small"
        data-testid={`disagreements-${item.itemId}`}
        rowKey={(d) => d.evaluationId}
        dataSource={item.disagreements}
        pagination={item.disagreements.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          {
            title: t('field.callId'),
            render: (_, d) => (canScore ? <Link to={`/qa/score?callId=${encodeURIComponent(d.callId)}&agentId=${encodeURIComponent(d.agentId)}`} data-testid="disagreeing-call">{d.callId}</Link> : <code>{d.callId}</code>),
          },
          { title: t('field.agentId'), dataIndex: 'agentId' },
          { title: t('field.evaluationId'), dataIndex: 'evaluationId' },
          { title: t('field.machineAnswer'), render: (_, d) => answerText(d.machine, words) },
          { title: t('field.humanAnswer'), render: (_, d) => answerText(d.human, words) },
        ]}
      />
    </>
  );
}
