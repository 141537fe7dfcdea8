import type { ConductKind, ScorecardPart } from '@app/contracts';

/**
 * One entry of the reward/penalty catalogue (rules.md §3, §4, §5, §9, §10). Amounts are yuan,
 * points are deduction points (kind `points`) or the signed change to a month's total (kind
 * `adjustment`). Ranges allow the issuer to choose within them ("leaving the post 3–5").
 */
export interface CatalogueItem {
  code: string;
  kind: ConductKind;
  category: string;
  labelZh: string;
  labelEn: string;
  amount: number;
  amountMin: number;
  amountMax: number;
  points: number;
  pointsMin: number;
  pointsMax: number;
  /** The amount is the recorded loss itself (LOSS): the issuer must give it. */
  amountFromRecord: boolean;
  /** rules.md §4: a first offence is a recorded warning instead of the fine. */
  firstOffenceWarning: boolean;
  /** Dismissal follows (leaks, deliberate damage): recorded, the consequence is HR's. */
  dismissal: boolean;
  /** Filed against one scorecard component instead of the month's total (a shift lead's part, or applying knowledge). */
  scorecardPart: ScorecardPart | null;
  /** Computed from call events by scoring (ring unanswered): listed so labels exist, not recorded by hand. */
  computed: boolean;
  active: boolean;
}

const base = { amount: 0, amountMin: 0, amountMax: 0, points: 0, pointsMin: 0, pointsMax: 0, amountFromRecord: false, firstOffenceWarning: false, dismissal: false, scorecardPart: null, computed: false, active: true };

const reward = (code: string, amount: number, labelZh: string, labelEn: string): CatalogueItem => ({ ...base, code, kind: 'reward', category: 'reward', labelZh, labelEn, amount, amountMin: amount, amountMax: amount });
const fine = (code: string, category: string, amount: number, labelZh: string, labelEn: string, extra: Partial<CatalogueItem> = {}): CatalogueItem => ({
  ...base, code, kind: 'penalty', category, labelZh, labelEn, amount, amountMin: amount, amountMax: amount, firstOffenceWarning: true, ...extra,
});
const pts = (code: string, category: string, points: number, labelZh: string, labelEn: string, max = points): CatalogueItem => ({
  ...base, code, kind: 'points', category, labelZh, labelEn, points, pointsMin: points, pointsMax: max,
});
const adj = (code: string, category: string, points: number, labelZh: string, labelEn: string, extra: Partial<CatalogueItem> = {}): CatalogueItem => ({
  ...base, code, kind: 'adjustment', category, labelZh, labelEn, points, pointsMin: points, pointsMax: points, ...extra,
});
const lead = (code: string, part: 'volume' | 'quality' | 'conduct', points: number, labelZh: string, labelEn: string, min = points): CatalogueItem =>
  adj(code, `shift-lead-${part}`, points, labelZh, labelEn, { scorecardPart: part, pointsMin: min });

/** The default catalogue, seeded into `qa.conduct_catalogue` by migration (then the tenant's to change). */
export const DEFAULT_CATALOGUE: CatalogueItem[] = [
  // §4 rewards
  reward('ORDER_ERROR_FOUND', 100, '指出订单或网站错误', 'Pointing out an error in orders or the website'),
  reward('SUGGESTION', 20, '为部门或公司提出建议', 'A suggestion for the department or company'),
  reward('PRAISE_LETTER', 50, '客户表扬信', 'A customer\'s letter of praise'),
  reward('PRAISE_PHONE_CHAT', 20, '客户电话或在线表扬', 'Praise by phone or chat'),
  reward('PRAISE_OTHER_DEPARTMENT', 20, '其他部门负责人表扬', 'Praise from another department\'s head'),
  reward('COLLEAGUE_ERROR_CAUGHT', 50, '发现同事错误避免损失', 'Catching a colleague\'s error before it caused a loss'),
  reward('INITIATIVE_TEAM_SPIRIT', 20, '主动性与团队精神', 'Initiative and team spirit'),
  // §4 penalties
  fine('GAMES_WEBSITES', 'discipline', 10, '玩游戏或浏览无关网站', 'Games or unrelated websites'),
  fine('NEWSPAPER_CHAT_UNRELATED', 'discipline', 10, '看报、聊天或做与工作无关的事', 'Newspapers, chatting or unrelated work'),
  fine('TRANSFER_FORM_MISFILLED', 'work', 5, '转单填写错误', 'Mis-filled transfer form'),
  fine('OUTSIDERS_BROUGHT_IN', 'discipline', 10, '带外人进入', 'Bringing outsiders in'),
  fine('UNCIVIL_OTHER', 'manners', 10, '其他不文明行为', 'Other uncivil conduct'),
  fine('DRESS_JEWELLERY', 'appearance', 10, '着装或首饰不合规', 'Dress or jewellery'),
  fine('HEAVY_MAKEUP', 'appearance', 10, '浓妆', 'Heavy make-up'),
  fine('HAIR', 'appearance', 20, '发型不合规', 'Hair'),
  fine('APPEARANCE_OTHER', 'appearance', 20, '其他仪容问题', 'Other appearance'),
  fine('NO_UNIFORM_WITH_VISITORS', 'appearance', 50, '有访客时未穿工服', 'No uniform with visitors'),
  fine('SHOUTING_QUARRELLING', 'manners', 50, '大声喧哗或争吵', 'Shouting or quarrelling'),
  fine('LYING_LEANING_HORSEPLAY', 'manners', 10, '躺、靠、嬉闹', 'Lying down, leaning, horseplay'),
  fine('RECEPTION_OTHER', 'manners', 10, '其他接待失误', 'Other reception faults'),
  fine('COMPUTER_USED_BY_OTHER', 'equipment', 30, '他人使用本人电脑', 'Another person using your computer'),
  fine('UNRELATED_SOFTWARE', 'equipment', 50, '安装无关软件', 'Unrelated software'),
  fine('VIRUS_MISUSE', 'equipment', 100, '使用不当导致病毒', 'A virus through misuse'),
  fine('AGREEMENT_SCRIBBLED', 'agreements', 20, '协议涂改', 'Agreement scribbled on'),
  fine('AGREEMENT_SIGNED_INCOMPLETE', 'agreements', 20, '协议签署不全', 'Agreement signed incompletely'),
  fine('AGREEMENT_SIGNED_WRONG', 'agreements', 30, '协议签错', 'Agreement signed wrongly'),
  fine('AGREEMENT_LOST', 'agreements', 10, '协议遗失', 'Agreement lost'),
  fine('LEAK_SECRETS', 'dismissal', 0, '泄露公司机密或客户资料(扣当月工资并辞退)', 'Leaking company secrets or customer data (month\'s wage forfeited, dismissal)', { firstOffenceWarning: false, dismissal: true }),
  fine('COMPUTER_DAMAGED_DELIBERATELY', 'dismissal', 0, '故意损坏电脑(通报辞退)', 'Deliberately damaging a computer (dismissal with notice)', { firstOffenceWarning: false, dismissal: true }),
  fine('LOSS', 'loss', 0, '因本人失误造成的损失(按实际金额扣除)', 'Loss caused by one\'s own mistake (deducted at the actual amount)', { firstOffenceWarning: false, amountFromRecord: true, amountMax: 1_000_000 }),
  // §3 phone conduct
  fine('RING_UNANSWERED', 'phone', 20, '响铃三声未接起', 'Phone rang three times unanswered', { computed: true, firstOffenceWarning: false }),
  fine('IMPROPER_TONE', 'phone', 20, '不当言词及语气', 'Improper words or tone'),
  fine('PHONE_LISTLESS', 'phone', 20, '接听电话无精打采', 'Listless on the phone'),
  fine('PHONE_CHAT', 'phone', 30, '用电话聊天或长时间占用电话', 'Chatting on the phone or occupying it for long'),
  pts('LONG_HOLD_UNREASONED', 'phone', 2, '长时间无故搁置电话', 'Caller left on hold for long without reason'),
  pts('PRIVATE_CALL_OVER_3MIN', 'phone', 1, '私人电话超过3分钟', 'Private call longer than 3 minutes'),
  pts('ARGUING_WITH_CUSTOMER', 'phone', 3, '与客户起争执', 'Arguing with a customer'),
  pts('NOT_WARM', 'phone', 1, '不够热情礼貌', 'Not warm and polite'),
  pts('NONSTANDARD_ANSWER', 'phone', 1, '应答不规范', 'Non-standard answer'),
  // §5 deduction points
  pts('AREA_NOT_CLEANED', 'hygiene', 1, '责任区未清洁', 'Own area not cleaned'),
  pts('DESK_UNTIDY', 'hygiene', 1, '桌面不整洁', 'Desk not tidied'),
  pts('UNCIVIL_LANGUAGE', 'manners', 1, '用语不文明', 'Uncivil language'),
  pts('UNHELPFUL', 'manners', 1, '不乐于助人', 'Unhelpful'),
  pts('TABOO_DISRESPECT_CUSTOMER', 'taboo', 5, '三忌:不尊重客户', 'Taboo: disrespecting a customer'),
  pts('TABOO_LEAK_INFORMATION', 'taboo', 5, '三忌:泄露公司信息', 'Taboo: leaking company information'),
  pts('TABOO_DISOBEY_SUPERVISOR', 'taboo', 5, '三忌:不服从主管', 'Taboo: disobeying the supervisor'),
  pts('UNEXCUSED_LATE_EARLY_ABSENT', 'discipline', 5, '无故迟到、早退或旷工', 'Unexcused late arrival, early leave or absence'),
  pts('UNRELATED_VISITORS', 'discipline', 1, '接待无关访客', 'Unrelated visitors'),
  pts('GROOMING_AT_DESK', 'discipline', 1, '在工位梳妆', 'Grooming at the desk'),
  pts('SMS_CHAT', 'discipline', 1, '短信聊天', 'Chatting by SMS'),
  pts('NOISE', 'discipline', 1, '喧哗', 'Noise'),
  pts('UNRELATED_READING_MUSIC', 'discipline', 1, '阅读无关书刊或听音乐', 'Unrelated reading or music'),
  pts('UNRELATED_WEBSITES_VIDEOS', 'discipline', 1, '浏览无关网站或视频', 'Unrelated websites or videos'),
  pts('LEAVING_POST', 'discipline', 3, '擅离岗位', 'Leaving the post', 5),
  pts('CLIQUES', 'discipline', 5, '拉帮结派', 'Cliques'),
  pts('QUARRELS_GOSSIP', 'discipline', 5, '争吵或搬弄是非', 'Quarrels or gossip'),
  pts('OVERSTEPPING_AUTHORITY', 'discipline', 3, '越权行事', 'Overstepping authority'),
  pts('BAD_MOOD', 'discipline', 2, '情绪不佳影响工作', 'Bad mood hurting work', 5),
  pts('SHIRKING', 'discipline', 2, '推诿工作', 'Shirking', 5),
  pts('DAY_WORK_UNFINISHED', 'work', 2, '当日工作未完成', 'Day\'s work not finished'),
  pts('SUPERVISOR_TASK_LATE', 'work', 2, '主管交办任务延误', 'A supervisor\'s task late'),
  pts('TRAINING_FAILED', 'work', 1, '培训不认真或不合格', 'Inattentive or failed at training'),
  // §5 OPS meetings and monthly tests, §9 overturned issuer: signed changes to the month's total
  adj('MEETING_FAULT', 'meeting', -5, '会议迟到、早退、接电话或未准备', 'Meeting: late, left early, took calls or unprepared'),
  adj('MONTHLY_TEST_TOP3', 'monthly-test', 5, '月度测试前三名', 'Monthly test: top three'),
  adj('MONTHLY_TEST_FAIL', 'monthly-test', -5, '月度测试不合格', 'Monthly test: failed'),
  adj('ISSUER_OVERTURNED', 'appeal', -10, '所开奖罚单被申诉推翻(口头警告)', 'A record you issued was overturned on appeal (verbal warning)'),
  // §6 applying knowledge 知识运用: −1 for each error caused by not knowing the product or process (floor 0 in that
  // component, never in the month's total); the complaints of that kind arrive as complaints classified knowledge/process.
  adj('KNOWLEDGE_ERROR', 'knowledge', -1, '因不熟悉产品或流程导致的失误', 'Error from not knowing the product or process', { scorecardPart: 'knowledge' }),
  // §10 shift leads' own scorecard
  lead('LEAD_WORK_ORDER_REPLY_MISSED', 'volume', -5, '工单少回、漏回', 'Work-order reply missed or omitted'),
  lead('LEAD_ONLINE_REPLY_MISSED', 'volume', -10, '在线服务漏回', 'Online-service reply missed'),
  lead('LEAD_ROSTER_LATE', 'volume', -5, '次月排班未于25日前公布', 'Next month\'s roster not published by the 25th'),
  lead('LEAD_PRESHIFT_MEETING_MISSED', 'volume', -5, '班前会未开或迟开', 'Pre-shift meeting not held or held late'),
  lead('LEAD_MONTHLY_REPORT_LATE', 'volume', -5, '月度分析报告未于1日前提交', 'Monthly analysis report not in by the 1st'),
  lead('LEAD_WEEKLY_MEETING_MISSED', 'quality', -5, '周分析会未开', 'Weekly analysis meeting missed'),
  lead('LEAD_PLAN_BELOW_TARGET', 'quality', -1, '计划完成率低于90%(每低1点扣1分)', 'Plan completion below 90% (−1 per point below)', -45),
  lead('LEAD_PATROL_FAULT', 'quality', -5, '巡查失误', 'Patrol fault'),
  lead('LEAD_CONDUCT_ISSUE', 'conduct', -5, '行为规范问题', 'Conduct issue'),
  lead('LEAD_CONDUCT_SERIOUS', 'conduct', -10, '严重行为问题(该项为0分)', 'Serious conduct issue (the part scores 0)'),
];
