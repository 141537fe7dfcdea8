import { DateTime } from 'luxon';
import type { AlertEvent, AlertSeverity } from '@app/contracts';
import { splitBilingual } from '../alerts/bilingual';

export type Language = 'zh-CN' | 'en';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const SEVERITY_LABELS: Record<AlertSeverity, { zh: string; en: string }> = {
  info: { zh: '提示', en: 'Info' },
  warning: { zh: '警告', en: 'Warning' },
  critical: { zh: '紧急', en: 'Critical' },
};

const LABELS = {
  'zh-CN': { occurred: '发生时间', agent: '坐席', team: '班组', kind: '类型', id: '告警编号', footer: '此邮件由呼叫中心评分系统自动发送。' },
  en: { occurred: 'Occurred', agent: 'Agent', team: 'Team', kind: 'Kind', id: 'Alert id', footer: 'Sent automatically by the call-centre scoring system.' },
} as const;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One alert as an e-mail in the recipient's language: the title and body halves, times in the policy zone. */
export function renderAlertEmail(alert: AlertEvent, language: Language, timeZone: string): EmailContent {
  const zh = language === 'zh-CN';
  const pick = (t: { zh: string; en: string }) => (zh ? t.zh : t.en);
  const l = LABELS[language];
  const severity = pick(SEVERITY_LABELS[alert.severity]);
  const title = pick(splitBilingual(alert.title));
  const body = pick(splitBilingual(alert.body));
  const at = DateTime.fromISO(alert.occurredAt, { zone: timeZone });
  const when = at.isValid ? at.toFormat('yyyy-MM-dd HH:mm:ss ZZZZ') : alert.occurredAt;
  const subject = zh ? `【${severity}】${title}` : `[${severity}] ${title}`;
  const rows: Array<[string, string]> = [
    [l.occurred, when],
    ...(alert.agentId ? ([[l.agent, alert.agentId]] as Array<[string, string]>) : []),
    ...(alert.team ? ([[l.team, alert.team]] as Array<[string, string]>) : []),
    [l.kind, alert.kind],
    [l.id, alert.alertId],
  ];
  const text = [title, '', body, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', l.footer].join('\n');
  const html =
    `<!doctype html><html lang="${language}"><body style="font-family:sans-serif">` +
    `<h2>${escapeHtml(subject)}</h2><p>${escapeHtml(body)}</p><table>` +
    rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
    `</table><p style="color:#888">${escapeHtml(l.footer)}</p></body></html>`;
  return { subject, text, html };
}
