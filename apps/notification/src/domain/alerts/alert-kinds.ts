/**
 * Kinds known when this service was written, with their labels (Chinese / English). Unknown kinds
 * are still delivered (by the fallback route); the catalogue decides labels and whether a routing
 * rule names something that can happen.
 */
export const KNOWN_ALERT_KINDS: Record<string, { zh: string; en: string }> = {
  'call.ring-limit-exceeded': { zh: '响铃超时', en: 'Ring limit exceeded' },
  'call.ring-no-answer': { zh: '响铃未接', en: 'Ring no answer' },
  'call.long-hold': { zh: '长时间搁置电话', en: 'Long hold' },
  'call.poor-quality': { zh: '通话质量差', en: 'Poor call quality' },
  'call.long-wait-abandoned': { zh: '长时间等待后放弃', en: 'Abandoned after a long wait' },
  'message.dead-lettered': { zh: '消息转入死信', en: 'Message dead-lettered' },
  'message.parked': { zh: '消息发送搁置', en: 'Message parked' },
  'qa.conduct-recorded': { zh: '奖罚记录待签字', en: 'Reward/penalty record to sign' },
  'qa.appraisal-due': { zh: '考核截止提醒', en: 'Appraisal deadline' },
  'qa.appraisal-self-due': { zh: '自评截止提醒', en: 'Self-appraisal deadline' },
  'scoring.hr-interview': { zh: '人事面谈', en: 'HR interview' },
  'scoring.dismissal-review': { zh: '辞退审核', en: 'Dismissal review' },
  'scoring.not-retained': { zh: '不予留用', en: 'Not retained' },
  'scoring.points-limit': { zh: '扣分达上限,不予留用', en: 'Points limit: not retained' },
  'scoring.complaints-demotion': { zh: '有效投诉降级', en: 'Demotion for valid complaints' },
  'scoring.rank-streak': { zh: '连续名次', en: 'Rank streak' },
  'scoring.promotion-priority': { zh: '优先晋升', en: 'Promotion priority' },
};

/** Kinds produced under these prefixes may be added by their services without this list knowing them. */
export const KNOWN_KIND_PREFIXES = ['call.', 'message.', 'qa.', 'scoring.', 'attendance.'];
