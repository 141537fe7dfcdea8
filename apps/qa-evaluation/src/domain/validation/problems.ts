/** A rule's refusal of one field: a stable code, the field's path, and a message in both languages. */
export interface Problem {
  code: string;
  path: string;
  message: string;
}

export function problem(code: string, path: string, message: string): Problem {
  return { code, path, message };
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
