export interface FieldError {
  path: string;
  message: string;
}

/** One refused item of a batch, by its index (and CSV line when it came from a file). */
export interface RejectedItem {
  index: number;
  row?: number;
  id?: string;
  code?: string;
  errors: FieldError[];
}

/** Prefixes relative paths with the item's place in the batch: `agentId` → `agents[3].agentId`. */
export function atIndex(errors: FieldError[], collection: string | null, index: number): FieldError[] {
  if (collection === null) return errors;
  return errors.map((e) => ({ ...e, path: `${collection}[${index}]${e.path ? `.${e.path}` : ''}` }));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Fields present that the item does not know: refused, so a typo never passes silently. */
export function unknownFields(raw: Record<string, unknown>, known: readonly string[]): FieldError[] {
  return Object.keys(raw).filter((k) => !known.includes(k)).map((k) => ({ path: k, message: 'unknown field' }));
}

export function requireText(raw: Record<string, unknown>, key: string, max = 200): FieldError[] {
  const v = raw[key];
  return typeof v === 'string' && v.trim() !== '' && v.length <= max ? [] : [{ path: key, message: `required text of up to ${max} characters` }];
}
