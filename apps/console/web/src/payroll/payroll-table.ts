/**
 * The payroll lines of a month (one row per agent, the fields of `scoring.score.finalized`/`.revised`
 * and one column per pay-line code), for CSV and Excel.
 */
type Obj = Record<string, unknown>;

export interface PayrollTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

const FIXED = ['period', 'agentId', 'revision', 'policyVersion', 'totalScore', 'grade', 'levelBefore', 'levelAfter'] as const;

export function payrollTable(cards: unknown[]): PayrollTable {
  const items = cards.filter((c): c is Obj => typeof c === 'object' && c !== null);
  const lines = (c: Obj) => (((c.pay as Obj)?.lines ?? c.payLines ?? []) as Obj[]).filter((l) => typeof l?.code === 'string');
  const codes = [...new Set(items.flatMap((c) => lines(c).map((l) => String(l.code))))];
  const columns = [...FIXED, ...codes.map((c) => `pay.${c}`), 'pay.total', 'currency'];
  const rows = items
    .map((c) => {
      const byCode = new Map(lines(c).map((l) => [String(l.code), typeof l.amount === 'number' ? l.amount : null]));
      const fixed = FIXED.map((k) => {
        const v = k === 'totalScore' ? (c.totalScore ?? c.total) : c[k];
        return typeof v === 'number' || typeof v === 'string' ? v : null;
      });
      const pay = c.pay as Obj | undefined;
      return [...fixed, ...codes.map((code) => byCode.get(code) ?? null), typeof pay?.total === 'number' ? pay.total : null, typeof pay?.currency === 'string' ? pay.currency : 'CNY'];
    })
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  return { columns, rows };
}

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese text as UTF-8. Money keeps two decimals. */
export function toCsv(table: PayrollTable): string {
  const cell = (v: string | number | null, col: string) => {
    if (v === null) return '';
    const s = typeof v === 'number' && col.startsWith('pay.') ? v.toFixed(2) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.columns.join(','), ...table.rows.map((r) => r.map((v, i) => cell(v, table.columns[i])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
