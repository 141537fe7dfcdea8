/** A small weighted form for the scoring specs of the server and the console (one fixture, worked by hand in score-form.spec). */
import type { Answer, FormDefinition } from '../form';

/** A small weighted form: A (weight 60) has 3 + 2 points, B (weight 40) has 4 + 4, C is a gate. */
export const WEIGHTED_FORM: FormDefinition = {
  formId: 'f', titleZh: '表', titleEn: 'F', purpose: 'call',
  sections: [
    { sectionId: 'a', labelZh: 'A', labelEn: 'A', weight: 60, items: [
      { itemId: 'a1', labelZh: 'a1', labelEn: 'a1', type: 'scale', maxPoints: 3, naAllowed: false },
      { itemId: 'a2', labelZh: 'a2', labelEn: 'a2', type: 'yesno', maxPoints: 2, naAllowed: true },
    ] },
    { sectionId: 'b', labelZh: 'B', labelEn: 'B', weight: 40, items: [
      { itemId: 'b1', labelZh: 'b1', labelEn: 'b1', type: 'points', maxPoints: 4, naAllowed: true },
      { itemId: 'b2', labelZh: 'b2', labelEn: 'b2', type: 'yesno', maxPoints: 4, naAllowed: true, critical: 'fail-section' },
    ] },
    { sectionId: 'c', labelZh: 'C', labelEn: 'C', items: [
      { itemId: 'c1', labelZh: 'c1', labelEn: 'c1', type: 'yesno', maxPoints: 0, naAllowed: false, critical: 'fail-all' },
    ] },
  ],
};
export const answersOf = (v: Record<string, Answer['value']>): Answer[] => Object.entries(v).map(([itemId, value]) => ({ itemId, value }));
