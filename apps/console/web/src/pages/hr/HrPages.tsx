import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ResponseOf } from '../../api/client';
import { useApiList } from '../../api/hooks';
import { useAuth } from '../../auth/AuthProvider';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { formatInstant, formatYuan, periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { payrollTable, toCsv } from '../../payroll/payroll-table';

type ConductRecord = ResponseOf<'qa-evaluation', 'get', `/v1/conduct-records/${string}`>;

/** Appeals against reward/penalty records still waiting for HR, with the agent's reason. */
export function AppealsPage() {
  const { t, lang, tm } = useI18n();
  const { api } = useAuth();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [period, setPeriod] = useState(periodOf(new Date()));
  const list = useApiList('qa-evaluation', '/v1/conduct-records', { period }, { all: true });
  // The list carries no appeal; each record's own view does (a month's records of a centre: tens, not thousands).
  const ids = list.items.filter((r) => r.status !== 'voided').map((r) => r.recordId).slice(0, MAX_RECORDS);
  const details = useQueries({
    queries: ids.map((id) => ({ queryKey: ['qa-evaluation', `/v1/conduct-records/${id}`], queryFn: () => api.request<ConductRecord>('qa-evaluation', `/v1/conduct-records/${encodeURIComponent(id)}`) })),
  });
  const pending = details.map((d) => d.data).filter((r): r is ConductRecord => r?.appeal?.status === 'pending');
  return (
    <>
      <PageTitle title="page.appeals" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      {list.error && <ErrorAlert error={list.error} />}
      <Table<ConductRecord>
        data-testid="appeals-table"
        size="small"
        loading={list.isLoading || details.some((d) => d.isLoading)}
        dataSource={pending}
        rowKey={(r) => r.recordId}
        locale={{ emptyText: t('appeals.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('field.agentId'), dataIndex: 'agentId' },
          { title: t('field.catalogueItem'), render: (_: unknown, r: ConductRecord) => codeLabel(lang, 'conduct', r.code, r.labelZh, r.labelEn) },
          { title: t('field.amountYuan'), render: (_: unknown, r: ConductRecord) => (typeof r.amount === 'number' ? formatYuan(r.amount, lang) : '—') },
          { title: t('field.issuer'), dataIndex: 'issuerId' },
          { title: t('field.reason'), render: (_: unknown, r: ConductRecord) => tm(r.appeal?.reason ?? '') },
          { title: t('field.occurredAt'), render: (_: unknown, r: ConductRecord) => formatInstant(r.occurredAt, lang) },
          { title: t('field.actions'), render: (_: unknown, r: ConductRecord) => <Button size="small" data-testid={`decide-${r.recordId}`} onClick={() => setDeciding(r.recordId)}>{t('action.decide')}</Button> },
        ]}
      />
      {deciding && (
        <Section title="appeals.decide">
          <ActionForm testId="appeal-decision" service="qa-evaluation" path={() => `/v1/conduct-records/${encodeURIComponent(deciding)}/appeal/decision`} onDone={() => setDeciding(null)}
            fields={[
              { name: 'upheld', label: 'field.upheld', type: 'bool', initial: false },
              { name: 'reason', label: 'field.reason', type: 'textarea', required: true },
            ]}
            submit="action.submit" />
        </Section>
      )}
    </>
  );
}

const MAX_RECORDS = 200;

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The month's payroll lines as CSV and Excel (exceljs, loaded only when asked for). */
export function PayrollExportPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(previousPeriod(periodOf(new Date())));
  // Every page of the month: a payroll file missing the agents after the first page would underpay them silently.
  const q = useApiList('scoring', '/v1/scorecards', { period }, { all: true });
  // Payroll takes final figures only: an open month's scorecards are provisional.
  const cards = q.items;
  const table = payrollTable(cards.filter((c) => c.status === 'final'));
  const open = cards.length > 0 && table.rows.length === 0;
  const excel = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(period);
    ws.addRow(table.columns).font = { bold: true };
    table.rows.forEach((r) => ws.addRow(r));
    table.columns.forEach((c, i) => {
      if (c.startsWith('pay.')) ws.getColumn(i + 1).numFmt = '0.00';
    });
    const buf = await wb.xlsx.writeBuffer();
    download(`payroll-${period}.xlsx`, new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  };
  return (
    <>
      <PageTitle title="page.payrollExport" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <Card>
        {q.error && <ErrorAlert error={q.error} />}
        {open && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('payroll.notClosed')} />}
        <Typography.Paragraph>{t('payroll.rows', { n: table.rows.length })}</Typography.Paragraph>
        <Space>
          <Button disabled={!table.rows.length} onClick={() => download(`payroll-${period}.csv`, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }))}>{t('action.exportCsv')}</Button>
          <Button type="primary" disabled={!table.rows.length} onClick={() => void excel()}>{t('action.exportExcel')}</Button>
        </Space>
      </Card>
    </>
  );
}
