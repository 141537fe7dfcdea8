import { Col, Drawer, Row, Table } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { asList } from '../../api/api-error';
import { useApiQuery } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { compare, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatScore, formatYuan, periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { distribution, mean, teamRows, type TeamRow } from '../../scorecard/team-stats';
import { ScorecardPanel } from '../agent/MyScorecardPage';

/** The team's month: a sortable table, the distribution of totals and the six-month trend of the mean. */
export function TeamScorecardsPage() {
  const { t, lang } = useI18n();
  const { api } = useAuth();
  const [period, setPeriod] = useState(previousPeriod(periodOf(new Date())));
  const [open, setOpen] = useState<string | null>(null);
  const q = useApiQuery<unknown>('scoring', '/v1/scorecards', { period });
  const rows = useMemo(() => teamRows(asList(q.data)), [q.data]);
  const months = useMemo(() => {
    const out = [period];
    while (out.length < 6) out.unshift(previousPeriod(out[0]));
    return out;
  }, [period]);
  const trend = useQueries({
    queries: months.map((p) => ({ queryKey: ['scoring', '/v1/scorecards', { period: p }], queryFn: () => api.request<unknown>('scoring', '/v1/scorecards', { query: { period: p } }) })),
  });
  const dist = distribution(rows.map((r) => r.total).filter((x): x is number => x !== null));
  return (
    <>
      <PageTitle title="page.teamScorecards" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      {q.error && <ErrorAlert error={q.error} />}
      <Row gutter={16}>
        <Col span={12}>
          <Section title="team.distribution">
            <EChart testId="chart-distribution" option={{ tooltip: {}, xAxis: { type: 'category', data: dist.map((d) => `${d.from}–${d.to}`), name: t('field.total') }, yAxis: { type: 'value', name: t('team.agents'), minInterval: 1 }, series: [{ type: 'bar', data: dist.map((d) => d.count), name: t('team.agents') }] }} />
          </Section>
        </Col>
        <Col span={12}>
          <Section title="team.trend">
            <EChart testId="chart-trend" option={{ tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', min: 0, max: 100, name: t('team.mean') }, series: [{ type: 'line', name: t('team.mean'), data: trend.map((r) => mean(teamRows(asList(r.data)).map((x) => x.total))) }] }} />
          </Section>
        </Col>
      </Row>
      <Table<TeamRow>
        data-testid="team-table"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        rowKey="agentId"
        locale={{ emptyText: t('state.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpen(r.agentId), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('field.agentId'), dataIndex: 'agentId', sorter: (a, b) => compare(a.agentId, b.agentId) },
          { title: t('field.name'), dataIndex: 'name' },
          { title: t('field.team'), dataIndex: 'team', sorter: (a, b) => compare(a.team, b.team) },
          { title: t('field.total'), dataIndex: 'total', render: (v: number | null) => formatScore(v), sorter: (a, b) => compare(a.total ?? -1, b.total ?? -1), defaultSortOrder: 'descend' },
          { title: t('field.grade'), dataIndex: 'grade', render: (g?: string) => codeLabel(lang, 'grade', g) },
          { title: t('field.level'), dataIndex: 'level', render: (l?: string) => codeLabel(lang, 'level', l) },
          { title: t('field.payTotal'), dataIndex: 'payTotal', render: (v: number | null) => (v === null ? '—' : formatYuan(v, lang)), sorter: (a, b) => compare(a.payTotal ?? -1, b.payTotal ?? -1) },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={960} destroyOnHidden>
        {open && <ScorecardPanel agentId={open} initialPeriod={period} />}
      </Drawer>
    </>
  );
}
