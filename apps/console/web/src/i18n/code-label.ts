import { MESSAGES, type MessageKey } from './messages';
import { pickLabel, type Lang } from './translate';

/**
 * A code's label: the labels the service sent, else the console's own for a known code
 * (`grade.excellent`, `pay.BASE`, …), else the code itself.
 */
export function codeLabel(lang: Lang, prefix: string, code: string | undefined, labelZh?: string, labelEn?: string): string {
  if (labelZh || labelEn) return pickLabel(lang, labelZh, labelEn);
  if (!code) return '—';
  const key = `${prefix}.${code}` as MessageKey;
  return MESSAGES[key]?.[lang] ?? code;
}
