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
