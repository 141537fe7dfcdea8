import type { FormVersion } from './form-types';

type Obj = Record<string, unknown>;

/**
 * The version of a form to score with: the latest published one. GET /v1/forms may list versions
 * themselves or forms carrying their `versions`; both are read.
 */
export function pickForm(forms: readonly unknown[], formId: string): FormVersion | null {
  const versions: FormVersion[] = [];
  for (const f of forms as Obj[]) {
    if (Array.isArray(f.versions)) for (const v of f.versions as Obj[]) versions.push({ formId: String(f.formId), ...(f as object), ...v } as unknown as FormVersion);
    else versions.push(f as unknown as FormVersion);
  }
  const mine = versions.filter((v) => v.formId === formId && Array.isArray(v.sections) && (v.status === undefined || v.status === 'published'));
  mine.sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  return mine[0] ?? null;
}

/** One version of a form (the one an evaluation was scored on), whatever its status now. */
export function formVersionOf(forms: readonly unknown[], formId: string, version: number): FormVersion | null {
  const all = (forms as Obj[]).flatMap((f) => (Array.isArray(f.versions) ? (f.versions as Obj[]).map((v) => ({ formId: String(f.formId), ...(f as object), ...v })) : [f]));
  return (all.find((v) => v.formId === formId && v.version === version && Array.isArray(v.sections)) as unknown as FormVersion | undefined) ?? null;
}
