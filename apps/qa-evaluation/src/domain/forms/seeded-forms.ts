import type { FormDefinition, FormItem } from './form';

const yes = (itemId: string, labelZh: string, labelEn: string, maxPoints: number, extra: Partial<FormItem> = {}): FormItem => ({
  itemId, labelZh, labelEn, type: 'yesno', maxPoints, naAllowed: false, ...extra,
});
const scale = (itemId: string, labelZh: string, labelEn: string, maxPoints: number, extra: Partial<FormItem> = {}): FormItem => ({
  itemId, labelZh, labelEn, type: 'scale', maxPoints, naAllowed: false, ...extra,
});

/**
 * The call QA form (rules.md §3, §8): the OPS fragment (patience 3, explaining again 2, completeness
 * 8 = 4 + 4, knowledge and skill 10, proactive service 4), the scripts and the three musts / three
 * don'ts, and the three taboos as fail-all criticals. Section weights make the form out of 100.
 * Item ids are stable: evaluations, disputes and exports refer to them.
 */
export const CALL_QA_FORM: FormDefinition = {
  formId: 'call-qa',
  titleZh: '通话质检表',
  titleEn: 'Call QA form',
  purpose: 'call',
  sections: [
    { sectionId: 'scripts', labelZh: '开场与结束语', labelEn: 'Opening and closing scripts', weight: 10, items: [
      yes('opening-script', '开场白「您好,很高兴为您服务!」', 'Opening script', 2),
      yes('closing-script', '结束语邀请评价「谢谢您的来电,请您对我的服务进行评价!」', 'Closing script inviting the rating', 2),
    ] },
    { sectionId: 'three-musts-donts', labelZh: '三要三不', labelEn: 'Three musts, three don\'ts', weight: 20, items: [
      yes('must-please', '以「请」开头', 'Starts with "please" (请)', 1),
      yes('must-nin', '始终称「您」', 'Keeps saying "您"', 1),
      yes('must-goodbye', '以「再见」结束', 'Ends with "goodbye" (再见)', 1),
      yes('dont-harsh-words', '不说生硬的话', 'No harsh words', 1),
      yes('dont-shirk', '不推卸责任', 'No shirking responsibility', 1),
      yes('dont-blame-customer', '不责怪客户', 'No blaming the customer', 1),
    ] },
    { sectionId: 'attitude', labelZh: '服务态度', labelEn: 'Service attitude', weight: 15, items: [
      scale('patience-respect', '耐心与尊重', 'Patience and respect', 3),
      scale('explain-again', '客户未理解时再次解释', 'Explaining again when not understood', 2, { naAllowed: true }),
    ] },
    { sectionId: 'completeness', labelZh: '完整性', labelEn: 'Completeness', weight: 20, items: [
      scale('complete-answer', '答复完整', 'Complete answer', 4),
      scale('key-information', '提醒关键信息', 'Reminding key information', 4, { naAllowed: true }),
    ] },
    { sectionId: 'knowledge-skill', labelZh: '业务知识与技能', labelEn: 'Product knowledge and skill', weight: 25, items: [
      scale('product-knowledge', '业务知识', 'Product knowledge', 5),
      scale('service-skill', '服务技能', 'Service skill', 5),
    ] },
    { sectionId: 'proactive', labelZh: '主动服务', labelEn: 'Proactive service', weight: 10, items: [
      scale('help-unprompted', '主动提供帮助', 'Helping unprompted', 2, { naAllowed: true }),
      scale('confirm-at-close', '结束前确认', 'Confirming at the close', 2),
    ] },
    { sectionId: 'taboos', labelZh: '三忌(红线)', labelEn: 'The three taboos (critical)', items: [
      yes('no-arguing', '未与客户争执', 'Did not argue with the customer', 0, { critical: 'fail-all' }),
      yes('no-data-leak', '未泄露公司或客户信息', 'Did not leak company or customer data', 0, { critical: 'fail-all' }),
      yes('no-disrespect', '未对客户不尊重', 'Did not disrespect the customer', 0, { critical: 'fail-all' }),
    ] },
  ],
};

const band = (goodMin: number, max: number) => ({ good: { min: goodMin, max }, poor: { min: 0, max: goodMin - 1 } });

/** The supervisor's monthly appraisal (rules.md §6): attitude 35 and capability 35, with the good/poor bands. */
export const MONTHLY_APPRAISAL_FORM: FormDefinition = {
  formId: 'monthly-appraisal',
  titleZh: '月度绩效考核',
  titleEn: 'Monthly appraisal',
  purpose: 'appraisal',
  sections: [
    { sectionId: 'attitude', labelZh: '工作态度', labelEn: 'Attitude', items: [
      scale('initiative', '积极性', 'Initiative', 15, { bands: band(8, 15) }),
      scale('responsibility', '责任心', 'Responsibility', 10, { bands: band(5, 10) }),
      scale('service-awareness', '服务意识', 'Service awareness', 10, { bands: band(5, 10) }),
    ] },
    { sectionId: 'capability', labelZh: '工作能力', labelEn: 'Capability', items: [
      scale('communication-results', '沟通与结果导向', 'Communication and result orientation', 15, { bands: band(8, 15) }),
      scale('learning', '学习能力', 'Learning', 10, { bands: band(5, 10) }),
      scale('team-spirit', '团队精神', 'Team spirit', 10, { bands: band(5, 10) }),
    ] },
  ],
};

export const SEEDED_FORMS = [CALL_QA_FORM, MONTHLY_APPRAISAL_FORM];
