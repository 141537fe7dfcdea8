import type { ErrorDetail } from '@app/contracts';
import { DomainError, NotFoundError, ValidationFailedError } from '@app/platform';

/** Every refusal of the scoring service, with its stable code and HTTP status. */
export const ScoringErrors = {
  badPeriod: (path = 'period') => new ValidationFailedError([{ path, message: 'must be a month yyyy-mm' }], 'Not a month / 不是有效月份'),
  periodNotEnded: (period: string) =>
    new DomainError('SCORING.PERIOD_NOT_ENDED', `${period} has not ended yet / ${period} 尚未结束`, 422, [{ path: 'period', message: 'the month has not ended in the policy time zone' }]),
  appraisalsMissing: (agentIds: string[]) =>
    new DomainError(
      'SCORING.APPRAISALS_MISSING',
      `${agentIds.length} agent(s) have no monthly appraisal; close with force to carry the previous one over / ${agentIds.length} 名坐席缺少月度考核`,
      409,
      agentIds.map((id, i) => ({ path: `missingAppraisals[${i}]`, message: id })),
    ).with({ missingAppraisals: agentIds }),
  periodNotClosed: (period: string) => new DomainError('SCORING.PERIOD_NOT_CLOSED', `${period} is not closed / ${period} 尚未结账`, 409, [{ path: 'period', message: 'not closed' }]),
  agentUnknown: (agentId: string) => new NotFoundError('SCORING.AGENT_UNKNOWN', `No agent ${agentId} / 未找到坐席 ${agentId}`),
  policyInvalid: (details: ErrorDetail[], prefix = '') =>
    new DomainError('SCORING.POLICY_INVALID', 'The policy document is not valid / 政策文件无效', 400, details.map((d) => ({ ...d, path: prefix + d.path }))),
  policyEffectiveInClosedMonth: (effectiveFrom: string, closed: string, prefix = '') =>
    new DomainError('SCORING.POLICY_EFFECTIVE_IN_CLOSED_MONTH', `${effectiveFrom} is not after the closed month ${closed} / 生效月份不得早于已结账月份`, 422, [
      { path: `${prefix}effectiveFrom`, message: `must be after ${closed}, the latest closed month` },
    ]),
  policyNotFound: (policyVersion: string) => new NotFoundError('SCORING.POLICY_NOT_FOUND', `No policy ${policyVersion} / 未找到政策 ${policyVersion}`),
  unknownKpi: (kpi: string, known: readonly string[]) =>
    new ValidationFailedError([{ path: 'kpi', message: `${kpi} is not one of ${known.join(', ')}` }], 'Unknown KPI / 未知指标'),
};
