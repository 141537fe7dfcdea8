import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import type { ErrorDetail } from '@app/contracts';
import { DTO_MAX_DEPTH, nestingDepth } from './validation-depth';
import { validationDetails } from './validation-details';

/** The options the global pipe validates with: unknown fields are refused, never silently dropped. */
export const STRICT_VALIDATION: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ErrorDetail[] };

/**
 * One value checked against a command class exactly as the global validation pipe checks a body,
 * with every problem's path under `at` (`rows[3].name`). For inputs the pipe cannot see whole: the
 * items of a batch (each judged alone, so one bad item never refuses its neighbours), a CSV row, a
 * part of a streamed body.
 */
export function checkAgainst<T extends object>(type: ClassConstructor<T>, raw: unknown, at = ''): Checked<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: at || 'body', message: 'a JSON object is required / 需要 JSON 对象' }] };
  }
  if (nestingDepth(raw, DTO_MAX_DEPTH) > DTO_MAX_DEPTH) {
    return { ok: false, problems: [{ path: at || 'body', message: `nested more than ${DTO_MAX_DEPTH} levels / 嵌套超过 ${DTO_MAX_DEPTH} 层` }] };
  }
  const value = plainToInstance(type, raw, { enableImplicitConversion: false });
  const errors = validateSync(value, STRICT_VALIDATION);
  if (errors.length > 0) return { ok: false, problems: validationDetails(errors, at) };
  return { ok: true, value };
}

export interface CheckedItems<T> {
  /** The items that passed, with their index in the batch (responses report by index). */
  accepted: Array<{ index: number; value: T }>;
  /** Every refused item's problems, paths `items[i].field`. */
  problems: ErrorDetail[];
  /** Indexes of the refused items. */
  refused: number[];
}

/** Each item of a batch checked alone against `type`: the valid ones go on, the others are reported by path. */
export function checkEach<T extends object>(type: ClassConstructor<T>, items: readonly unknown[], at: string): CheckedItems<T> {
  const out: CheckedItems<T> = { accepted: [], problems: [], refused: [] };
  items.forEach((raw, index) => {
    const checked = checkAgainst(type, raw, `${at}[${index}]`);
    if (checked.ok) out.accepted.push({ index, value: checked.value });
    else {
      out.refused.push(index);
      out.problems.push(...checked.problems);
    }
  });
  return out;
}
