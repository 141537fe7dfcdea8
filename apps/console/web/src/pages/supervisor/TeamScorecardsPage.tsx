import { Col, Drawer, Row, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ItemOf, ResponseOf } from '../../api/client';
import { useApiList } from '../../api/hooks';
import { followPages, pageQuery, PAGE_LIMIT, readPage } from '../../api/page';
import { useAuth } from '../../auth/AuthProvider';
import { EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { compare, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatScore, formatYuan, periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { distribution, kindsIn, mean, splitByTab, teamRows, type CardTab, type TeamRow } from '../../scorecard/team-stats';
import { ScorecardPanel } from '../agent/MyScorecardPage';

type MonthCards = ResponseOf<'scoring', 'get', '/v1/scorecards'>;

/**
 * Every team's month (supervisors, HR, the manager): agents and shift leads on one tab, supervisors and QA
 * inspectors (the supervisor card) on the other; a sortable table with the scorecard kind, both ranks and the
 * flags, the distribution of totals and the six-month trend of the mean of the tab shown.
 */
export function TeamScorecardsPage() {
  const { t } = useI18n();
  const { api, role } = useAuth();
  const [period, setPeriod] = useState(previousPeriod(periodOf(new Date())));
  // The manager appraises supervisors and QA: their tab first; everyone else starts on the agents.
  const [tab, setTab] = useState<CardTab>(role === 'manager' ? 'leads' : 'agents');
  const [open, setOpen] = useState<string | null>(null);
  // Every card of the month, all pages: the distribution and the tab counts are of the whole month, not of a page.
  const q = useApiList('scoring', '/v1/scorecards', { period }, { all: true });
  const byTab = useMemo(() => splitByTab(teamRows(q.items)), [q.items]);
  const rows = byTab[tab];
  const months = useMemo(() => {
    const out = [period];
    while (out.length < 6) out.unshift(previousPeriod(out[0]));
    return out;
  }, [period]);
  // The five months before this one, each read whole; this month's cards are the table's.
  const earlier = useQueries({
    queries: months.slice(0, -1).map((p) => ({
      queryKey: ['scoring', '/v1/scorecards', { period: p }, 'trend'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        followPages(async (cursor) => readPage<ItemOf<MonthCards>>(await api.request<MonthCards>('scoring', '/v1/scorecards', { query: pageQuery({ period: p }, PAGE_LIMIT.max, cursor), signal }))),
    })),
  });
  const trend = [...earlier.map((r) => r.data?.items ?? []), q.items];
  const dist = distribution(rows.map((r) => r.total).filter((x): x is number => x !== null));
  const people = t(tab === 'leads' ? 'team.people' : 'team.agents');
  return (
    <>
      <PageTitle title="page.teamScorecards" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      {q.error && <ErrorAlert error={q.error} />}
      <Row gutter={16}>
        <Col span={12}>
          <Section title="team.distribution">
            <EChart testId="chart-distribution" option={{ tooltip: {}, xAxis: { type: 'category', data: dist.map((d) => `${d.from}–${d.to}`), name: t('field.total') }, yAxis: { type: 'value', name: people, minInterval: 1 }, series: [{ type: 'bar', data: dist.map((d) => d.count), name: people }] }} />
          </Section>
        </Col>
        <Col span={12}>
          <Section title="team.trend">
            <EChart testId="chart-trend" option={{ tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', min: 0, max: 100, name: t('team.mean') }, series: [{ type: 'line', name: t('team.mean'), data: trend.map((cards) => mean(splitByTab(teamRows(cards))[tab].map((x) => x.total))) }] }} />
          </Section>
        </Col>
      </Row>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as CardTab)}
        items={[
          {
            key: 'agents',
            label: <span data-testid="tab-agents">{t('team.tabAgents')} ({byTab.agents.length})</span>,
            children: <TeamTable tab="agents" rows={byTab.agents} loading={q.isLoading} testId="team-table" onOpen={setOpen} />,
          },
          {
            key: 'leads',
            label: <span data-testid="tab-leads">{t('team.tabLeads')} ({byTab.leads.length})</span>,
            children: <TeamTable tab="leads" rows={byTab.leads} loading={q.isLoading} testId="team-table-leads" onOpen={setOpen} />,
          },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={960} destroyOnHidden>
        {open && <ScorecardPanel agentId={open} initialPeriod={period} />}
      </Drawer>
    </>
  );
}

/** One tab's cards: agents' with both ranks, level and pay; leads' with their role and no pay (their card has none). */
function TeamTable({ tab, rows, loading, testId, onOpen }: { tab: CardTab; rows: TeamRow[]; loading: boolean; testId: string; onOpen(agentId: string): void }) {
  const { t, lang } = useI18n();
  const kinds = kindsIn(rows);
  const roles = [...new Set(rows.map((r) => r.role).filter((r): r is string => Boolean(r)))].sort();
  const rank = (n: number | null) => (n === null ? '—' : n);
  const byRank = (a: number | null, b: number | null) => compare(a ?? Number.MAX_SAFE_INTEGER, b ?? Number.MAX_SAFE_INTEGER);
  const columns: TableColumnsType<TeamRow> = [
    { title: t('field.agentId'), dataIndex: 'agentId', sorter: (a, b) => compare(a.agentId, b.agentId) },
    { title: t('field.name'), dataIndex: 'name' },
    { title: t('field.team'), dataIndex: 'team', sorter: (a, b) => compare(a.team, b.team) },
    {
      title: t('field.scorecardKind'),
      dataIndex: 'card',
      render: (k: TeamRow['card']) => <Tag data-testid="card-kind">{codeLabel(lang, 'card', k)}</Tag>,
      filters: kinds.map((k) => ({ text: codeLabel(lang, 'card', k), value: k })),
      onFilter: (v, r) => r.card === v,
    },
    ...(tab === 'leads'
      ? [{
          title: t('field.role'),
          dataIndex: 'role',
          render: (r?: string) => (r ? codeLabel(lang, 'staffRole', r) : '—'),
          filters: roles.map((r) => ({ text: codeLabel(lang, 'staffRole', r), value: r })),
          onFilter: (v: unknown, r: TeamRow) => r.role === v,
        }]
      : []),
    { title: t('field.total'), dataIndex: 'total', render: (v: number | null) => formatScore(v), sorter: (a, b) => compare(a.total ?? -1, b.total ?? -1), defaultSortOrder: 'descend' },
    { title: t('field.grade'), dataIndex: 'grade', render: (g?: string) => codeLabel(lang, 'grade', g) },
    { title: t('field.rank'), dataIndex: 'rank', render: rank, sorter: (a, b) => byRank(a.rank, b.rank) },
    ...(tab === 'agents'
      ? ([
          { title: t('field.awardRank'), dataIndex: 'awardRank', render: rank, sorter: (a, b) => byRank(a.awardRank, b.awardRank) },
          { title: t('field.level'), dataIndex: 'level', render: (l?: string) => codeLabel(lang, 'level', l) },
          { title: t('field.payTotal'), dataIndex: 'payTotal', render: (v: number | null) => (v === null ? '—' : formatYuan(v, lang)), sorter: (a, b) => compare(a.payTotal ?? -1, b.payTotal ?? -1) },
        ] satisfies TableColumnsType<TeamRow>)
      : []),
    {
      title: t('field.flags'),
      dataIndex: 'flags',
      render: (flags: string[]) => (
        <Space size={4} wrap>
          {flags.map((f) => <Tag key={f} color={f === 'AWARD_BARRED' ? 'orange' : 'default'}>{codeLabel(lang, 'flag', f)}</Tag>)}
        </Space>
      ),
    },
  ];
  return (
    <Table<TeamRow>
      data-testid={testId}
      size="small"
      loading={loading}
      dataSource={rows}
      rowKey="agentId"
      locale={{ emptyText: t('state.empty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(r) => ({ onClick: () => onOpen(r.agentId), style: { cursor: 'pointer' } })}
      columns={columns}
    />
  );
}
