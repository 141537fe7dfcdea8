import type { ErrorDetail } from '@app/contracts';

/** What makes a string unstorable: PostgreSQL text and jsonb refuse U+0000; a lone surrogate is not Unicode (no UTF-8 for it). */
export type UnstorableText = 'nul' | 'lone-surrogate';

const MESSAGES: Record<UnstorableText, string> = {
  nul: 'holds U+0000 (NUL), which cannot be stored / 含有无法保存的 NUL 字符',
  'lone-surrogate': 'holds a lone UTF-16 surrogate (broken Unicode) / 含有无效的 Unicode 字符',
};

/** Why `s` cannot be stored as text, or null. One pass over the UTF-16 code units, no allocation. */
export function unstorableText(s: string): UnstorableText | null {
  return firstUnstorable(s)?.why ?? null;
}

/** Where the first unstorable code unit of `s` sits, and why; null when there is none. */
export function firstUnstorable(s: string): { index: number; why: UnstorableText } | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return { index: i, why: 'nul' };
    if (c < 0xd800 || c > 0xdfff) continue;
    // A high surrogate must be followed by a low one; a low one never stands first.
    if (c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return { index: i, why: 'lone-surrogate' };
  }
  return null;
}

export function unstorableTextMessage(why: UnstorableText): string {
  return MESSAGES[why];
}

/** A key as a path segment: `name`, or `["na\u0000me"]` (escaped, so the path itself is storable). */
function keyPath(parent: string, key: string, bad: boolean): string {
  if (bad) return `${parent}[${JSON.stringify(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Every string and object key inside a JSON value that cannot be stored, with its path
 * (`[2].name`, `scores["a\u0000"]`, or `path` itself for a bare string; `body` when that is empty).
 * Walks with its own stack, so nesting depth costs heap, never the call stack; stops after `max`.
 */
export function unstorableTextIn(value: unknown, path = '', max = 20): ErrorDetail[] {
  const found: ErrorDetail[] = [];
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0 && found.length < max) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const why = unstorableText(v);
      if (why) found.push({ path: at || 'body', message: MESSAGES[why] });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}[${i}]`]);
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      const good: string[] = [];
      for (const key of keys) {
        const why = unstorableText(key);
        if (why) found.push({ path: keyPath(at, key, true), message: MESSAGES[why] });
        else good.push(key);
      }
      for (let i = good.length - 1; i >= 0; i--) stack.push([(v as Record<string, unknown>)[good[i]], keyPath(at, good[i], false)]);
    }
  }
  return found.slice(0, max);
}

/** The stable code of a refused string, whole request or batch item. */
export const INVALID_TEXT = 'REQUEST.INVALID_TEXT';

/**
 * For batch parsers: an item holding unstorable text, as the per-item error the contract asks for
 * (`{ code, errors: [{ path: 'agents[1].name', … }] }`), or null when every string in it is fine.
 */
export function unstorableItem(item: unknown, itemPath: string): { code: typeof INVALID_TEXT; errors: ErrorDetail[] } | null {
  const errors = unstorableTextIn(item, itemPath);
  return errors.length === 0 ? null : { code: INVALID_TEXT, errors };
}
