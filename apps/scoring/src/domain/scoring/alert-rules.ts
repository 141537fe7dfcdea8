import { toCents } from '../numbers';
import type { ScoringPolicy } from '../policy/scoring-policy';
import type { PastMonth, RecordInput } from './month-inputs';
import type { AlertDraft } from './scorecard';

export interface AlertFacts {
  agentId: string;
  period: string;
  appraised: boolean;
  totalH: number | null;
  windowPoints: number;
  validComplaints: number;
  rank1Streak: number;
  /** Closed months before this one, most recent first. */
  history: PastMonth[];
  /** The month's records whose code the policy lists as a dismissal (辞退). */
  dismissalRecords: RecordInput[];
}

/** The people-process alerts of issue 11, each on `alerts.scoring.<kind>`. */
export function alertsFor(f: AlertFacts, policy: ScoringPolicy): AlertDraft[] {
  const a = policy.alerts;
  const out: AlertDraft[] = [];
  const facts = { agentId: f.agentId, period: f.period, total: f.totalH === null ? null : f.totalH / 100 };
  const appraisedRun = (below: number, months: number) => {
    if (!f.appraised || f.totalH === null || f.totalH >= toCents(below)) return false;
    const earlier = f.history.filter((h) => h.appraised && h.total !== null).slice(0, months - 1);
    return earlier.length === months - 1 && earlier.every((h) => h.total! < toCents(below));
  };
  if (f.dismissalRecords.length > 0) {
    const zh = f.dismissalRecords.map((r) => r.labelZh).join('、');
    const en = f.dismissalRecords.map((r) => r.labelEn).join('; ');
    out.push({
      kind: 'scoring.dismissal', severity: 'critical', title: `辞退: ${zh} / Dismissal: ${en}`, body: `${f.agentId} ${f.period}`,
      facts: { ...facts, recordIds: f.dismissalRecords.map((r) => r.recordId), codes: [...new Set(f.dismissalRecords.map((r) => r.code))] },
    });
  }
  if (appraisedRun(a.hrInterview.below, a.hrInterview.months)) {
    out.push({ kind: 'scoring.hr-interview', severity: 'critical', title: `连续 ${a.hrInterview.months} 个月低于 ${a.hrInterview.below} 分, 人事面谈 / Below ${a.hrInterview.below} for ${a.hrInterview.months} months: HR interview`, body: `${f.agentId} ${f.period}`, facts });
  }
  if (appraisedRun(a.dismissalReview.below, a.dismissalReview.months)) {
    out.push({ kind: 'scoring.dismissal-review', severity: 'critical', title: `连续 ${a.dismissalReview.months} 个月低于 ${a.dismissalReview.below} 分 / Below ${a.dismissalReview.below} for ${a.dismissalReview.months} months: dismissal review`, body: `${f.agentId} ${f.period}`, facts });
  }
  if (f.windowPoints >= a.pointsLimit.points) {
    out.push({ kind: 'scoring.points-limit', severity: 'critical', title: `半年累计扣分 ${f.windowPoints}, 不予留用 / ${f.windowPoints} deduction points in the window: not retained`, body: `${f.agentId} ${f.period}`, facts: { ...facts, points: f.windowPoints } });
  }
  if (f.validComplaints >= a.complaints.count) {
    out.push({ kind: 'scoring.complaints-demotion', severity: 'warning', title: `本月有效投诉 ${f.validComplaints} 次, 降级 / ${f.validComplaints} valid complaints this month: demotion`, body: `${f.agentId} ${f.period}`, facts: { ...facts, validComplaints: f.validComplaints } });
  }
  if (f.rank1Streak >= a.rankStreak.months) {
    out.push({ kind: 'scoring.rank-streak', severity: 'info', title: `连续 ${f.rank1Streak} 个月第一 / Rank 1 for ${f.rank1Streak} months running`, body: `${f.agentId} ${f.period}`, facts: { ...facts, months: f.rank1Streak } });
  }
  if (f.appraised && f.totalH !== null && f.totalH >= toCents(a.promotionPriority.atLeast)) {
    out.push({ kind: 'scoring.promotion-priority', severity: 'info', title: `总分 ${f.totalH / 100}, 优先晋升 / Total ${f.totalH / 100}: priority for promotion`, body: `${f.agentId} ${f.period}`, facts });
  }
  return out;
}
