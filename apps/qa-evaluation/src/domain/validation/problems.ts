/**
 * A rule's refusal of one field: a stable code, the field's path, and a message in both languages. Each rule names
 * the codes it gives as a literal type (`C`); the service's error list must declare every one of them, or handing the
 * problem to the edge (`rejected`) does not compile.
 */
export interface Problem<C extends string = string> {
  code: C;
  path: string;
  message: string;
}

export function problem<C extends string>(code: C, path: string, message: string): Problem<C> {
  return { code, path, message };
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
