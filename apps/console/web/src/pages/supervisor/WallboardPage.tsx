import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { useApiList, useApiQuery } from '../../api/hooks';
import { EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle, Section } from '../../components/ListPage';
import { formatDuration, formatInstant } from '../../format/format';
import { localDate, nextDate, percent } from '../../format/today';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

const REFRESH_MS = 5_000;

/** Today's queues, refreshed every few seconds, with the latest alerts (Asternic-style wallboard). */
export function WallboardPage() {
  const { t, tm, lang } = useI18n();
  const today = localDate(new Date());
  // Typed by telephony-events' OpenAPI document (api/generated/openapi.ts), not a local copy of the report.
  const q = useApiQuery('telephony-events', '/v1/queues/stats', { from: today, to: nextDate(today) }, { refetchInterval: REFRESH_MS });
  // The latest dozen only: one small page.
  const alerts = useApiList('notification', '/v1/inbox', undefined, { limit: 12, refetchInterval: REFRESH_MS });
  const o = q.data?.overall;
  const tile = (label: MessageKey, value: string | number, color?: string) => (
    <Col span={4}>
      <Card><Statistic title={t(label)} value={value} styles={{ content: { color, fontSize: 32 } }} /></Card>
    </Col>
  );
  return (
    <>
      <PageTitle title="page.wallboard" extra={<Typography.Text type="secondary">{t('wallboard.refresh', { s: REFRESH_MS / 1000 })}</Typography.Text>} />
      {q.error && <ErrorAlert error={q.error} />}
      <Row gutter={16} data-testid="wallboard-tiles">
        {tile('wallboard.offered', o?.offered ?? '—')}
        {tile('wallboard.answered', o?.answered ?? '—', '#3f8600')}
        {tile('wallboard.abandoned', o?.abandoned.total ?? '—', '#cf1322')}
        {tile('wallboard.serviceLevel', percent(o?.serviceLevel.ofAnswered))}
        {tile('wallboard.asa', formatDuration(o?.averageSpeedOfAnswerMs))}
        {tile('wallboard.ringNoAnswer', o?.ringNoAnswer ?? '—', '#d48806')}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={16}>
          <Section title="wallboard.byHour">
            <EChart option={{ tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: (q.data?.hours ?? []).map((h) => h.hour.slice(11)) }, yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', name: t('wallboard.answered'), data: (q.data?.hours ?? []).map((h) => h.answered) },
                { type: 'bar', name: t('wallboard.abandoned'), data: (q.data?.hours ?? []).map((h) => h.abandoned.total) },
              ] }} />
          </Section>
        </Col>
        <Col span={8}>
          <Section title="wallboard.alerts">
            <List size="small" dataSource={alerts.items.slice(0, 12)} locale={{ emptyText: t('state.empty') }}
              renderItem={(a) => (
                <List.Item>
                  <Tag color={a.severity === 'critical' ? 'red' : a.severity === 'warning' ? 'orange' : 'blue'}>{t(`severity.${a.severity}` as MessageKey)}</Tag>
                  <span style={{ flex: 1 }}>{tm(a.title)}</span>
                  <Typography.Text type="secondary">{formatInstant(a.occurredAt, lang)}</Typography.Text>
                </List.Item>
              )} />
          </Section>
        </Col>
      </Row>
    </>
  );
}
