import { toCents } from '../numbers';

/** Columns of the payroll export, one row per pay line (contracts: money in yuan with two decimals). */
export const PAYROLL_CSV_COLUMNS = ['agentId', 'period', 'revision', 'code', 'amount', 'total'] as const;

/** What an export row is made of: an agent's latest revision of a closed month. */
export interface PayrollRowSource {
  agentId: string;
  revision: number;
  pay: { lines: ReadonlyArray<{ code: string; amount: number }>; total: number };
}

const CRLF = '\r\n';

/** Yuan with exactly two decimals, from integer fen: no float drift, no exponent, `-0.50` not `-0.5`. */
export function yuanText(yuan: number): string {
  const fen = toCents(yuan);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A text cell (RFC 4180): quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with
 * `'` so that a spreadsheet opening the file shows it as text rather than running it as a formula.
 */
export function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const payrollCsvHeader = (): string => PAYROLL_CSV_COLUMNS.join(',') + CRLF;

/** One agent's rows: one per pay line, each with the agent's pay total (none when the card pays nothing). */
export function payrollCsvRows(period: string, r: PayrollRowSource): string {
  const total = yuanText(r.pay.total);
  return r.pay.lines.map((l) => [textCell(r.agentId), period, String(r.revision), textCell(l.code), yuanText(l.amount), total].join(',') + CRLF).join('');
}
