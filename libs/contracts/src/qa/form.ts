/**
 * A QA form version (issue 7 §1), as qa-evaluation stores and serves it and the console fills it in.
 * Sections hold items; a section with a `weight` contributes earned/max × weight, a section without
 * one contributes its raw points. Shared so the browser's live score runs the server's own scoring.
 */
export type AnswerType = 'yesno' | 'scale' | 'points';
export type CriticalEffect = 'fail-all' | 'fail-section';

export interface PointBand {
  min: number;
  max: number;
}

export interface FormItem {
  itemId: string;
  labelZh: string;
  labelEn: string;
  type: AnswerType;
  /** Points for "yes" or the top of the scale; 0 for a pure gate (a critical with no points). */
  maxPoints: number;
  /** Lowest value of a scale (default 0). */
  minPoints?: number;
  naAllowed: boolean;
  /** Only yes/no items may be critical: answering "no" fails the whole evaluation or the section. */
  critical?: CriticalEffect;
  /** Good / poor bands of an appraisal item (rules.md §6), shown beside the points. */
  bands?: { good: PointBand; poor: PointBand };
}

export interface FormSection {
  sectionId: string;
  labelZh: string;
  labelEn: string;
  weight?: number;
  items: FormItem[];
}

export type FormStatus = 'draft' | 'published';

export interface FormDefinition {
  formId: string;
  titleZh: string;
  titleEn: string;
  /** `call` forms score calls, `appraisal` forms score an agent's month. */
  purpose: 'call' | 'appraisal';
  sections: FormSection[];
}

export interface FormVersion extends FormDefinition {
  version: number;
  status: FormStatus;
  publishedAt: string | null;
}

/** An answer as sent: a number, true/false, or "na". */
export type AnswerValue = number | boolean | 'na';

export interface Answer {
  itemId: string;
  value: AnswerValue;
}

export function allItems(form: FormDefinition): Array<{ section: FormSection; item: FormItem }> {
  return form.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}
