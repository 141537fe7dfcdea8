import { MESSAGES, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];
export const LANG_STORAGE_KEY = 'console.lang';

export type Params = Record<string, string | number>;

/** A label in the user's language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text = MESSAGES[key]?.[lang] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The remembered language, else the browser's (Chinese browsers get Chinese), else Chinese: its first users read it. */
export function initialLang(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  const first = browserLanguages[0]?.toLowerCase() ?? 'zh';
  return first.startsWith('en') ? 'en' : 'zh';
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The services write bilingual messages as "English / 中文" (or the other way round); show the
 * half in the user's language, or the whole message when it is not split that way.
 */
export function pickLanguage(message: string, lang: Lang): string {
  const parts = message.split(' / ');
  if (parts.length < 2) return message;
  const zh = parts.filter((p) => CJK.test(p));
  const en = parts.filter((p) => !CJK.test(p));
  const chosen = lang === 'zh' ? zh : en;
  return chosen.length ? chosen.join(' / ') : message;
}

/** A pair of labels as the domain sends them (`labelZh`/`labelEn`, `titleZh`/`titleEn`). */
export function pickLabel(lang: Lang, zh: string | undefined, en: string | undefined, fallback = ''): string {
  return (lang === 'zh' ? (zh ?? en) : (en ?? zh)) ?? fallback;
}
