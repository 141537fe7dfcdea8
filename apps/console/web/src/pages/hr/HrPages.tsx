import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { asList } from '../../api/api-error';
import { useApiQuery } from '../../api/hooks';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, PageTitle, Section } from '../../components/ListPage';
import { PeriodSelect } from '../../components/PeriodSelect';
import { periodOf, previousPeriod } from '../../format/format';
import { codeLabel } from '../../i18n/code-label';
import { useI18n } from '../../i18n/I18nProvider';
import { payrollTable, toCsv } from '../../payroll/payroll-table';

type Row = Record<string, unknown>;

/** Appeals against reward/penalty records, for HR to uphold or dismiss. */
export function AppealsPage() {
  const { t, lang } = useI18n();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [period, setPeriod] = useState(periodOf(new Date()));
  return (
    <>
      <PageTitle title="page.appeals" extra={<PeriodSelect value={period} onChange={setPeriod} />} />
      <DataTable<Row>
        service="qa-evaluation"
        path="/v1/conduct-records"
        query={{ period }}
        rowKey="recordId"
        columns={[
          { key: 'recordId', label: 'field.id' },
          { key: 'agentId', label: 'field.agentId' },
          { key: 'code', label: 'field.catalogueItem', render: (r) => codeLabel(lang, 'conduct', String(r.code), r.labelZh as string, r.labelEn as string) },
          { key: 'issuerId', label: 'field.issuer' },
          { key: 'note', label: 'field.note' },
          { key: 'status', label: 'field.status', kind: 'tag' },
          { key: 'occurredAt', label: 'field.occurredAt', kind: 'instant' },
        ]}
        actions={(r) => <Button size="small" onClick={() => setDeciding(String(r.recordId))}>{t('action.decide')}</Button>}
      />
      {deciding && (
        <Section title="appeals.decide">
          <ActionForm service="qa-evaluation" path={() => `/v1/conduct-records/${encodeURIComponent(deciding)}/appeal/decision`} onDone={() => setDeciding(null)}
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
  const q = useApiQuery<unknown>('scoring', '/v1/scorecards', { period });
  // Payroll takes final figures only: an open month's scorecards are provisional.
  const cards = asList<Row>(q.data);
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
