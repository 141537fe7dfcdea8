/** A form version as qa-evaluation serves it (GET /v1/forms): sections of items. */
export interface FormItem {
  itemId: string;
  labelZh: string;
  labelEn: string;
  type: 'yesno' | 'scale' | 'points';
  maxPoints: number;
  minPoints?: number;
  naAllowed: boolean;
  critical?: 'fail-all' | 'fail-section';
  bands?: { good: { min: number; max: number }; poor: { min: number; max: number } };
}

export interface FormSection {
  sectionId: string;
  labelZh: string;
  labelEn: string;
  weight?: number;
  items: FormItem[];
}

export interface FormVersion {
  formId: string;
  version: number;
  titleZh: string;
  titleEn: string;
  purpose?: 'call' | 'appraisal';
  status?: string;
  sections: FormSection[];
}

export type AnswerValue = number | boolean | 'na';
