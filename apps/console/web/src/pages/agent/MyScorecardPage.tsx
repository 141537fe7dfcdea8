import { Alert, Card, Col, Descriptions, Drawer, Empty, List, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useApiList, useApiQuery } from '../../api/hooks';
import { LoadMore } from '../../components/ListPage';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatScore, formatYuan, periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { groupInputs, isLeadCard, scorecardView, teamMembers, type Figure, type FigureGroup, type ScorecardView } from '../../scorecard/scorecard-view';

/**
 * The signed-in person's own card: an agent's (nav "My scorecard"), or a supervisor's or QA inspector's
 * supervisor card (nav "My scorecard / 我的记分卡"), by the token's agentId, else its subject.
 */
export function MyScorecardPage() {
  const { session } = useAuth();
  return <ScorecardPanel agentId={session?.user.agentId ?? session?.user.sub ?? ''} />;
}

const SEVERITY_COLOR = { info: 'blue', warning: 'orange', critical: 'red' } as const;

/**
 * One person's month: total, grade, ranks, level, pay lines, deductions and adjustments; every figure opens its
 * inputs. A supervisor card (supervisors, QA inspectors) shows its components and adjustments, its rank among
 * the people on that card, and says that it carries no pay lines.
 */
export function ScorecardPanel({ agentId, initialPeriod }: { agentId: string; initialPeriod?: string }) {
  const { t, lang, tm } = useI18n();
  const [period, setPeriod] = useState(initialPeriod ?? previousPeriod(periodOf(new Date())));
  const [open, setOpen] = useState<Figure | null>(null);
  const q = useApiQuery('scoring', `/v1/scorecards/${encodeURIComponent(agentId)}/${period}`);
  const view = q.data ? scorecardView(q.data) : null;
  const lead = view ? isLeadCard(view.card) : false;
  const show = (f: Figure) => (f.unit === 'yuan' && typeof f.value === 'number' ? formatYuan(f.value, lang) : typeof f.value === 'number' ? formatScore(f.value) : (f.value ?? '—'));
  const figureTable = (group: FigureGroup, title: MessageKey) => {
    const rows = view?.figures.filter((f) => f.group === group) ?? [];
    const withReason = group === 'deduction' || group === 'pay' || group === 'adjustment' || (lead && group === 'component');
    return (
      <Card size="small" title={t(title)} data-testid={`figures-${group}`}>
        <Table<Figure>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('state.empty') }}
          onRow={(f) => ({ onClick: () => setOpen(f), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('field.item'), render: (_, f) => codeLabel(lang, group, f.code, f.labelZh, f.labelEn) },
            ...(withReason ? [{ title: t('field.reason'), render: (_: unknown, f: Figure) => (f.reason ? tm(f.reason) : '') }] : []),
            { title: t('field.value'), align: 'right', render: (_, f) => <a data-testid={`figure-${group}-${f.code}`}>{show(f)}</a> },
            { title: t('field.inputs'), align: 'right', render: (_, f) => (f.callsKpi ? t('input.call') : f.inputs.length) },
          ]}
        />
      </Card>
    );
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(lead ? 'page.leadScorecard' : 'page.scorecard')} · {agentId}
          {view?.name && view.name !== agentId ? ` ${view.name}` : ''}
        </Typography.Title>
        {view && <Tag color={lead ? 'purple' : 'blue'} data-testid="scorecard-kind">{codeLabel(lang, 'card', view.card)}</Tag>}
        <PeriodSelect value={period} onChange={setPeriod} />
      </Space>
      {q.isLoading && <Skeleton active />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.isSuccess && !view && <Empty description={t('state.empty')} />}
      {view && (
        <>
          <Headline view={view} />
          {(view.flags.length > 0 || view.alerts.length > 0) && (
            <Space wrap data-testid="scorecard-flags">
              {view.flags.map((f) => (
                <Tag key={f} color={f === 'AWARD_BARRED' ? 'orange' : 'default'} data-testid={`flag-${f}`}>{codeLabel(lang, 'flag', f)}</Tag>
              ))}
              {view.alerts.map((a) => (
                <Tag key={`${a.kind}:${a.title}`} color={SEVERITY_COLOR[a.severity]} data-testid={`alert-${a.kind}`}>
                  {codeLabel(lang, 'alert', a.kind)}{a.title ? `: ${tm(a.title)}` : ''}
                </Tag>
              ))}
            </Space>
          )}
          {view.noPayLines && (
            <Alert data-testid="no-pay-lines" type="info" showIcon title={t('scorecard.noPayLines')} description={t('scorecard.noPayLinesWhy')} />
          )}
          {lead ? (
            <>
              <Row gutter={16}>
                <Col span={12}>{figureTable('component', 'scorecard.components')}</Col>
                <Col span={12}>{figureTable('adjustment', 'scorecard.adjustments')}</Col>
              </Row>
              <Row gutter={16}>
                <Col span={12}>{figureTable('deduction', 'scorecard.deductions')}</Col>
                {!view.noPayLines && <Col span={12}>{figureTable('pay', 'scorecard.payLines')}</Col>}
              </Row>
            </>
          ) : (
            <>
              <Row gutter={16}>
                <Col span={12}>{figureTable('pay', 'scorecard.payLines')}</Col>
                <Col span={12}>{figureTable('deduction', 'scorecard.deductions')}</Col>
              </Row>
              <Row gutter={16}>
                <Col span={12}>{figureTable('component', 'scorecard.components')}</Col>
                <Col span={12}>{figureTable('adjustment', 'scorecard.adjustments')}</Col>
              </Row>
              {figureTable('kpi', 'scorecard.kpis')}
            </>
          )}
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
            {groupInputs(open.inputs).map((g) =>
              g.kind === 'teamMember' ? (
                <TeamMembersList key={g.kind} ids={g.ids} period={period} />
              ) : (
                <List
                  key={g.kind}
                  size="small"
                  header={<b>{t(`input.${g.kind}` as MessageKey)} ({g.ids.length})</b>}
                  dataSource={g.ids}
                  pagination={g.ids.length > 20 ? { pageSize: 20, size: 'small' } : false}
                  renderItem={(id) => <List.Item data-testid="input-ref"><code>{id}</code></List.Item>}
                />
              ),
            )}
          </div>
        )}
      </Drawer>
    </Space>
  );
}

/** The card's headline figures: an agent's total, grade, both ranks, level and pay; a lead's total, grade and rank among leads. */
function Headline({ view }: { view: ScorecardView }) {
  const { t, lang, tm } = useI18n();
  const lead = isLeadCard(view.card);
  const rank = (n: number | null) => (n === null ? '—' : String(n));
  const tiles: Array<{ key: string; node: ReactNode }> = [
    { key: 'total', node: <Statistic title={t('field.total')} value={formatScore(view.total)} data-testid="scorecard-total" /> },
    { key: 'grade', node: <Statistic title={t('field.grade')} value={view.gradeLabel ? tm(view.gradeLabel) : codeLabel(lang, 'grade', view.grade)} data-testid="scorecard-grade" /> },
    lead
      ? { key: 'rank', node: <Statistic title={t('scorecard.rankAmongLeads')} value={rank(view.rank)} data-testid="scorecard-rank" /> }
      : { key: 'rank', node: <Statistic title={t('field.rank')} value={rank(view.rank)} data-testid="scorecard-rank" /> },
  ];
  if (!lead) {
    tiles.push({
      key: 'awardRank',
      node: (
        <>
          <Statistic title={t('field.awardRank')} value={rank(view.awardRank)} data-testid="scorecard-award-rank" />
          {view.flags.includes('AWARD_BARRED') && <Typography.Text type="warning">{codeLabel(lang, 'flag', 'AWARD_BARRED')}</Typography.Text>}
        </>
      ),
    });
  }
  if (lead) {
    tiles.push({ key: 'role', node: <Statistic title={t('field.role')} value={view.role ? codeLabel(lang, 'staffRole', view.role) : '—'} data-testid="scorecard-role" /> });
  } else {
    tiles.push({
      key: 'level',
      node: (
        <>
          <Statistic title={t('field.level')} value={codeLabel(lang, 'level', view.levelAfter)} />
          {view.levelReason && <Typography.Text type="secondary">{tm(view.levelReason)}</Typography.Text>}
          {view.levelBefore && view.levelBefore !== view.levelAfter && (
            <Typography.Text type="secondary">{t('scorecard.levelFrom', { level: codeLabel(lang, 'level', view.levelBefore) })}</Typography.Text>
          )}
        </>
      ),
    });
  }
  if (!view.noPayLines) {
    tiles.push({ key: 'pay', node: <Statistic title={t('field.payTotal')} value={view.payTotal === null ? '—' : formatYuan(view.payTotal, lang)} data-testid="scorecard-pay-total" /> });
  }
  const span = Math.floor(24 / tiles.length);
  return (
    <>
      <Row gutter={16}>
        {tiles.map((x) => (
          <Col key={x.key} span={span}>
            <Card style={{ height: '100%' }}>{x.node}</Card>
          </Col>
        ))}
      </Row>
      {view.status && <Tag>{codeLabel(lang, 'status', view.status)}</Tag>}
    </>
  );
}

/**
 * The team behind a lead's satisfaction figure: each member with their name and ratings this month when the reader
 * may list the month's cards; the bare ids when not (the list is a convenience, the ids are the inputs).
 */
function TeamMembersList({ ids, period }: { ids: string[]; period: string }) {
  const { t } = useI18n();
  const month = useApiList('scoring', '/v1/scorecards', { period }, { all: true, retry: false });
  const members = teamMembers(ids, month.items);
  return (
    <Table
      data-testid="team-members"
      size="small"
      rowKey="agentId"
      loading={month.isLoading}
      title={() => <b>{t('input.teamMember')} ({members.length})</b>}
      dataSource={members}
      pagination={members.length > 20 ? { pageSize: 20, size: 'small' } : false}
      onRow={() => ({ 'data-testid': 'team-member' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('field.agentId'), dataIndex: 'agentId', render: (id: string) => <code>{id}</code> },
        { title: t('field.name'), dataIndex: 'name', render: (n?: string) => n ?? '—' },
        { title: t('kpi.rated'), dataIndex: 'rated', align: 'right', render: (n: number | null) => (n === null ? '—' : n) },
        { title: t('kpi.goodRatePct'), dataIndex: 'goodRatePct', align: 'right', render: (n: number | null) => formatScore(n) },
      ]}
    />
  );
}

/**
 * The calls behind a call KPI, a page at a time with "load more" (scoring keeps them paged: a month can hold
 * thousands). Each item is a call id; the total is of every page.
 */
function CallIdsList({ agentId, period, kpi }: { agentId: string; period: string; kpi: string }) {
  const { t } = useI18n();
  const list = useApiList('scoring', `/v1/scorecards/${encodeURIComponent(agentId)}/${period}/calls`, { kpi }, { limit: 20 });
  const total = typeof list.first?.total === 'number' ? list.first.total : null;
  const ids = list.items;
  return (
    <>
      {list.error && <ErrorAlert error={list.error} />}
      <List
        size="small"
        loading={list.isLoading}
        header={<b>{t('input.call')} ({total ?? (list.isLoading ? '…' : `${ids.length}${list.hasMore ? '+' : ''}`)})</b>}
        dataSource={ids}
        renderItem={(id) => <List.Item data-testid="input-ref"><code>{id}</code></List.Item>}
      />
      <LoadMore list={list} testId="calls-more" />
    </>
  );
}
