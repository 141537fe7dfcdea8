import { problem, type Problem } from '../validation/problems';
import type { QaPolicy } from '../policy/qa-policy';

export const DISPUTE_OUTCOMES = ['accepted', 'partly-accepted', 'rejected'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export type DisputeProblemCode = 'QA.EVALUATION_NOT_RELEASED' | 'QA.DISPUTE_WINDOW_CLOSED' | 'QA.UNKNOWN_ITEM' | 'QA.DISPUTE_ALREADY_OPEN' | 'QA.DISPUTE_LIMIT_REACHED';

export interface DisputeContext {
  releasedAt: Date | null;
  now: Date;
  /** Disputes the agent filed in the policy month of `now`. */
  filedThisMonth: number;
  itemIds: Set<string>;
  openItemIds: Set<string>;
}

const DAY_MS = 86_400_000;

/** Whether an agent may dispute these items of a released evaluation now (issue 7 §4). */
export function checkDispute(itemId: unknown, ctx: DisputeContext, policy: QaPolicy): Problem<DisputeProblemCode>[] {
  if (!ctx.releasedAt) return [problem('QA.EVALUATION_NOT_RELEASED', 'evaluationId', 'only a released evaluation can be disputed / 只能对已发布的质检结果提出异议')];
  if (ctx.now.getTime() > ctx.releasedAt.getTime() + policy.disputes.windowDays * DAY_MS) {
    return [problem('QA.DISPUTE_WINDOW_CLOSED', 'evaluationId', `disputes are taken within ${policy.disputes.windowDays} days of release / 异议须在发布后 ${policy.disputes.windowDays} 天内提出`)];
  }
  if (typeof itemId !== 'string' || !ctx.itemIds.has(itemId)) return [problem('QA.UNKNOWN_ITEM', 'itemId', 'not an item of this evaluation / 不是该质检表的项目')];
  if (ctx.openItemIds.has(itemId)) return [problem('QA.DISPUTE_ALREADY_OPEN', 'itemId', 'this item is already disputed / 该项目已有异议在处理')];
  if (ctx.filedThisMonth >= policy.disputes.maxPerMonth) {
    return [problem('QA.DISPUTE_LIMIT_REACHED', 'itemId', `at most ${policy.disputes.maxPerMonth} disputes a month / 每月最多 ${policy.disputes.maxPerMonth} 次异议`)];
  }
  return [];
}
