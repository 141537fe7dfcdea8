import type { Lang } from '../i18n/translate';

/** Yuan with two decimals, from yuan as the services send them (rounded through integer fen). */
export function formatYuan(yuan: number, lang: Lang): string {
  const fen = Math.round(yuan * 100);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Scores have at most two decimals; trailing zeros are dropped (91.5, not 91.50). */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return '—';
  return String(Math.round(score * 100) / 100);
}

/** Milliseconds as m:ss (ring, talk, hold times on a call). */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** yyyy-mm of an instant in the policy time zone offset given in minutes (default China Standard Time). */
export function periodOf(date: Date, offsetMinutes = 480): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month before a yyyy-mm. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** An ISO instant shown in the user's language and the policy time zone. */
export function formatInstant(iso: string | null | undefined, lang: Lang, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
