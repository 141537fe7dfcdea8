import type { Level } from '@app/contracts';
import { toCents } from '../numbers';
import { localDate } from '../period';
import type { GradeBand, ScoringPolicy } from '../policy/scoring-policy';
import type { AttendanceTally } from './attendance-tally';
import { firstOffenceFlags, latestBefore } from './first-offence';
import { levelAtLeast } from './level-decision';
import type { AgentMonthInput, RecordInput } from './month-inputs';
import type { ScorePayLine } from './scorecard';

export interface PayFacts {
  input: AgentMonthInput;
  levelHeld: Level;
  attendance: AttendanceTally;
  appraised: boolean;
  /** The rank among the month's award-eligible agents of the card (awards). */
  awardRank: number | null;
  /** Consecutive months at appraisal rank 1, this one included (the streak bonus). */
  rank1Streak: number;
  grade: GradeBand | null;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

function line(code: string, fen: number, zh: string, en: string, inputIds: string[], reason: string, warning?: boolean): ScorePayLine {
  return { code, amount: fen, labelZh: zh, labelEn: en, inputIds, reason, ...(warning ? { warning } : {}) };
}

export function recordAmount(r: RecordInput, policy: ScoringPolicy): number {
  return policy.catalogue[r.code]?.amount ?? r.amount;
}

/** Pay lines in fen (rules.md §4, §7), at the level held during the month. */
export function payLines(f: PayFacts, policy: ScoringPolicy): ScorePayLine[] {
  const p = policy.pay;
  const lv = policy.levels;
  const zone = policy.timeZone;
  // A month not appraised (away too long) pays none of what the appraisal earns: the policy lists those lines.
  const withheld = new Set(f.appraised ? [] : policy.notAppraised.withholdPayLines);
  const lines: ScorePayLine[] = [line('BASE', toCents(p.base), '基本工资', 'Base pay', [], `基本工资 / base pay`)];
  if (levelAtLeast(f.levelHeld, p.appraisalPay.minLevel, lv)) {
    lines.push(line('APPRAISAL_PAY', toCents(p.appraisalPay.amount), '考核工资', 'Appraisal pay', [], `级别 ${f.levelHeld} / level ${f.levelHeld}`));
  }
  const star = p.starBonus[f.levelHeld];
  if (star) lines.push(line('STAR_BONUS', toCents(star), '星级奖金', 'Star bonus', [], `星级 ${f.levelHeld} / star level ${f.levelHeld}`));
  if (f.attendance.fullAttendance && levelAtLeast(f.levelHeld, p.fullAttendance.minLevel, lv)) {
    const n = f.input.rosteredDays;
    lines.push(line('FULL_ATTENDANCE', toCents(p.fullAttendance.amount), '全勤奖', 'Full attendance', [], `本月全勤 (${n} 天) / full attendance this month (${n} days)`));
  }
  for (const award of p.awards) {
    if (f.awardRank === award.rank) lines.push(line(award.code, toCents(award.amount), award.labelZh, award.labelEn, [], `评选排名第 ${f.awardRank} / ranked ${f.awardRank} among the eligible this month`));
  }
  // 连续3个月考核排名第一: once for each completed run (months 3, 6, …), never again for the months in between.
  if (f.rank1Streak > 0 && f.rank1Streak % p.streak.months === 0) {
    lines.push(line('STREAK_BONUS', toCents(p.streak.amount), '连续第一奖', 'Streak bonus', [], `连续 ${f.rank1Streak} 个月考核第一 / appraisal rank 1 for ${f.rank1Streak} months running`));
  }
  if (f.grade && f.grade.payDeduction > 0) {
    lines.push(line('GRADE_DEDUCTION', -toCents(f.grade.payDeduction), `${f.grade.labelZh} 级扣款`, `Grade ${f.grade.labelEn} deduction`, [], `等级 ${f.grade.labelZh} / grade ${f.grade.labelEn}`));
  }
  lines.push(...recordLines(f.input, policy, zone));
  lines.push(...ringLines(f.input, policy, zone));
  const paid = lines.filter((l) => !withheld.has(l.code));
  return [...paid, ...forfeitLines(f.input, paid, policy, zone)];
}

/**
 * 泄露公司机密或客户资料: 扣除当月工资并辞退 — the month's pay is forfeited: one FORFEIT line equal to minus every other
 * line, so the month pays 0 and every line it cancels stays visible.
 */
function forfeitLines(a: AgentMonthInput, lines: ScorePayLine[], policy: ScoringPolicy, zone: string): ScorePayLine[] {
  const forfeit = new Set(policy.pay.forfeitCodes);
  const records = a.records.filter((r) => forfeit.has(r.code));
  if (records.length === 0) return [];
  const other = lines.reduce((s, l) => s + l.amount, 0);
  const what = records.map((r) => `${r.labelZh} ${localDate(r.occurredAt, zone)}`).join('; ');
  const whatEn = records.map((r) => `${r.labelEn} ${localDate(r.occurredAt, zone)}`).join('; ');
  return [line('FORFEIT', -other, '扣除当月工资', 'Month\'s pay forfeited', records.map((r) => r.recordId), `扣除当月工资 −${yuan(other)} 元: ${what} / month's pay forfeited −${yuan(other)} yuan: ${whatEn}`)];
}

function recordLines(a: AgentMonthInput, policy: ScoringPolicy, zone: string): ScorePayLine[] {
  const p = policy.pay;
  const out: ScorePayLine[] = [];
  const sorted = [...a.records].sort((x, y) => x.occurredAt.localeCompare(y.occurredAt) || x.recordId.localeCompare(y.recordId));
  const firsts = new Map<string, boolean>();
  const penaltyCodes = new Set(sorted.filter((r) => r.kind === 'penalty').map((r) => r.code));
  for (const code of penaltyCodes) {
    const same = sorted.filter((r) => r.kind === 'penalty' && r.code === code);
    const prior = latestBefore(a.priorPenalties.filter((x) => x.code === code).map((x) => x.occurredAt), same[0].occurredAt);
    firstOffenceFlags(same.map((r) => r.occurredAt), prior, p.firstOffence.windowMonths).forEach((f, i) => firsts.set(same[i].recordId, f));
  }
  for (const r of sorted) {
    const fen = toCents(recordAmount(r, policy));
    const when = localDate(r.occurredAt, zone);
    if (r.kind === 'reward') {
      out.push(line('REWARD', fen, r.labelZh, r.labelEn, [r.recordId], `奖励 ${r.labelZh} +${yuan(fen)} 元 / reward ${r.labelEn} +${yuan(fen)} yuan, ${when}`));
    } else if (r.kind === 'penalty' && r.code === p.lossCode) {
      out.push(line('LOSS', -fen, r.labelZh, r.labelEn, [r.recordId], `损失赔偿 −${yuan(fen)} 元 / loss −${yuan(fen)} yuan, ${when}`));
    } else if (r.kind === 'penalty') {
      const warn = r.warning === true || (!p.firstOffence.exemptCodes.includes(r.code) && firsts.get(r.recordId) === true);
      out.push(
        warn
          ? line('PENALTY', 0, r.labelZh, r.labelEn, [r.recordId], `初犯警告 ${r.labelZh} / first offence, warning: ${r.labelEn}, ${when}`, true)
          : line('PENALTY', -fen, r.labelZh, r.labelEn, [r.recordId], `处罚 ${r.labelZh} −${yuan(fen)} 元 / penalty ${r.labelEn} −${yuan(fen)} yuan, ${when}`),
      );
    }
  }
  return out;
}

/**
 * 响铃未接: the first violation in the window is a recorded warning (its own line); the rest are one
 * line, 20 yuan each, carrying every call id (a month can hold hundreds of them).
 */
function ringLines(a: AgentMonthInput, policy: ScoringPolicy, zone: string): ScorePayLine[] {
  const p = policy.pay;
  const fen = toCents(p.ringUnanswered);
  const legs = [...a.calls.ringViolations].sort((x, y) => x.at.localeCompare(y.at) || x.callId.localeCompare(y.callId));
  const firsts = firstOffenceFlags(legs.map((l) => l.at), a.calls.priorRingViolationAt, p.firstOffence.windowMonths);
  const lines: ScorePayLine[] = [];
  const fined: string[] = [];
  legs.forEach((leg, i) => {
    if (!(p.firstOffence.ringViolations && firsts[i])) return void fined.push(leg.callId);
    const s = Math.round(leg.ms / 1000);
    lines.push(line('RING_UNANSWERED', 0, '响铃未接', 'Ring unanswered', [leg.callId], `初犯警告: 响铃 ${s} 秒未接 / first offence, warning: rang ${s} s, ${localDate(leg.at, zone)}`, true));
  });
  if (fined.length) {
    const total = fen * fined.length;
    lines.push(line('RING_UNANSWERED', -total, '响铃未接', 'Ring unanswered', fined, `响铃超时 ${fined.length} 次 × ${yuan(fen)} 元 = −${yuan(total)} 元 / ${fined.length} ring violation(s) × ${yuan(fen)} yuan`));
  }
  return lines;
}
