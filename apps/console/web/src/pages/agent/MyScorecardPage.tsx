import { Card, Col, Descriptions, Drawer, Empty, List, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatScore, formatYuan, periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { groupInputs, scorecardView, type Figure } from '../../scorecard/scorecard-view';

export function MyScorecardPage() {
  const { session } = useAuth();
  return <ScorecardPanel agentId={session?.user.agentId ?? session?.user.sub ?? ''} />;
}

/** One agent's month: total, grade, level, pay lines and deductions; every figure opens its inputs. */
export function ScorecardPanel({ agentId, initialPeriod }: { agentId: string; initialPeriod?: string }) {
  const { t, lang, tm } = useI18n();
  const [period, setPeriod] = useState(initialPeriod ?? previousPeriod(periodOf(new Date())));
  const [open, setOpen] = useState<Figure | null>(null);
  const q = useApiQuery<unknown>('scoring', `/v1/scorecards/${encodeURIComponent(agentId)}/${period}`);
  const view = q.data ? scorecardView(q.data) : null;
  const show = (f: Figure) => (f.unit === 'yuan' && typeof f.value === 'number' ? formatYuan(f.value, lang) : typeof f.value === 'number' ? formatScore(f.value) : (f.value ?? '—'));
  const figureTable = (group: Figure['group'], title: MessageKey) => {
    const rows = view?.figures.filter((f) => f.group === group) ?? [];
    return (
      <Card size="small" title={t(title)} data-testid={`figures-${group}`}>
        <Table<Figure>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('state.empty') }}
          onRow={(f) => ({ onClick: () => setOpen(f), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('field.item'), render: (_, f) => codeLabel(lang, group, f.code, f.labelZh, f.labelEn) },
            ...(group === 'deduction' || group === 'pay' ? [{ title: t('field.reason'), render: (_: unknown, f: Figure) => (f.reason ? tm(f.reason) : '') }] : []),
            { title: t('field.value'), align: 'right', render: (_, f) => <a data-testid={`figure-${group}-${f.code}`}>{show(f)}</a> },
            { title: t('field.inputs'), align: 'right', render: (_, f) => (f.callsKpi ? t('input.call') : f.inputs.length) },
          ]}
        />
      </Card>
    );
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('page.scorecard')} · {agentId}
        </Typography.Title>
        <PeriodSelect value={period} onChange={setPeriod} />
      </Space>
      {q.isLoading && <Skeleton active />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.isSuccess && !view && <Empty description={t('state.empty')} />}
      {view && (
        <>
          <Row gutter={16}>
            <Col span={6}>
              <Card><Statistic title={t('field.total')} value={formatScore(view.total)} data-testid="scorecard-total" /></Card>
            </Col>
            <Col span={6}>
              <Card><Statistic title={t('field.grade')} value={view.gradeLabel ? tm(view.gradeLabel) : codeLabel(lang, 'grade', view.grade)} /></Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title={t('field.level')} value={codeLabel(lang, 'level', view.levelAfter)} />
                {view.levelReason && <Typography.Text type="secondary">{tm(view.levelReason)}</Typography.Text>}
                {view.levelBefore && view.levelBefore !== view.levelAfter && (
                  <Typography.Text type="secondary">{t('scorecard.levelFrom', { level: codeLabel(lang, 'level', view.levelBefore) })}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col span={6}>
              <Card><Statistic title={t('field.payTotal')} value={view.payTotal === null ? '—' : formatYuan(view.payTotal, lang)} /></Card>
            </Col>
          </Row>
          {view.status && <Tag>{codeLabel(lang, 'status', view.status)}</Tag>}
          <Row gutter={16}>
            <Col span={12}>{figureTable('pay', 'scorecard.payLines')}</Col>
            <Col span={12}>{figureTable('deduction', 'scorecard.deductions')}</Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>{figureTable('component', 'scorecard.components')}</Col>
            <Col span={12}>{figureTable('kpi', 'scorecard.kpis')}</Col>
          </Row>
        </>
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={480} title={open ? `${t('scorecard.inputsOf')} ${codeLabel(lang, open.group, open.code, open.labelZh, open.labelEn)}` : ''}>
        {open && (
          <div data-testid="inputs-drawer">
            <Descriptions size="small" column={1} items={[
              { key: 'v', label: t('field.value'), children: show(open) },
              ...(open.reason ? [{ key: 'r', label: t('field.reason'), children: <span data-testid="figure-reason">{tm(open.reason)}</span> }] : []),
            ]} />
            {open.callsKpi && <CallIdsList agentId={agentId} period={period} kpi={open.callsKpi} />}
            {open.inputs.length === 0 && !open.callsKpi && <Empty description={t('scorecard.noInputs')} />}
            {groupInputs(open.inputs).map((g) => (
              <List
                key={g.kind}
                size="small"
                header={<b>{t(`input.${g.kind}` as MessageKey)} ({g.ids.length})</b>}
                dataSource={g.ids}
                pagination={g.ids.length > 20 ? { pageSize: 20, size: 'small' } : false}
                renderItem={(id) => <List.Item data-testid="input-ref"><code>{id}</code></List.Item>}
              />
            ))}
          </div>
        )}
      </Drawer>
    </Space>
  );
}

/** The calls behind a call KPI, a page at a time (scoring keeps them paged: a month can hold thousands). */
function CallIdsList({ agentId, period, kpi }: { agentId: string; period: string; kpi: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useApiQuery<{ total: number; callIds: string[]; pageSize: number }>('scoring', `/v1/scorecards/${encodeURIComponent(agentId)}/${period}/calls`, { kpi, page, pageSize: 20 });
  return (
    <>
      {q.error && <ErrorAlert error={q.error} />}
      <List
        size="small"
        loading={q.isLoading}
        header={<b>{t('input.call')} ({q.data?.total ?? '…'})</b>}
        dataSource={q.data?.callIds ?? []}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, size: 'small', hideOnSinglePage: true }}
        renderItem={(id) => <List.Item data-testid="input-ref"><code>{id}</code></List.Item>}
      />
    </>
  );
}
