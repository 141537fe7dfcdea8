import { asList } from '../api/api-error';
import type { FormVersion } from './form-types';

type Obj = Record<string, unknown>;

/**
 * The version of a form to score with: the latest published one. GET /v1/forms may list versions
 * themselves or forms carrying their `versions`; both are read.
 */
export function pickForm(body: unknown, formId: string): FormVersion | null {
  const versions: FormVersion[] = [];
  for (const f of asList<Obj>(body)) {
    if (Array.isArray(f.versions)) for (const v of f.versions as Obj[]) versions.push({ formId: String(f.formId), ...(f as object), ...v } as unknown as FormVersion);
    else versions.push(f as unknown as FormVersion);
  }
  const mine = versions.filter((v) => v.formId === formId && Array.isArray(v.sections) && (v.status === undefined || v.status === 'published'));
  mine.sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  return mine[0] ?? null;
}
