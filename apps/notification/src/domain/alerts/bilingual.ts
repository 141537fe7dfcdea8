/** Texts travel as "中文 / English"; a recipient reads the half in their language. */
export function splitBilingual(text: string): { zh: string; en: string } {
  const i = text.indexOf(' / ');
  if (i < 0) return { zh: text, en: text };
  return { zh: text.slice(0, i).trim(), en: text.slice(i + 3).trim() };
}

export const bilingual = (zh: string, en: string): string => `${zh} / ${en}`;
