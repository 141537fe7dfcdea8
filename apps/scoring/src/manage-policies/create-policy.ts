import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { validatePolicy } from '../domain/policy/validate-policy';
import { ScoringErrors } from '../scoring.errors';
import { PeriodStore } from '../store/period.store';
import { PolicyStore, type StoredPolicy } from '../store/policy.store';

/** Stores a new version of a named policy after validating it; it takes effect when activated. */
@Injectable()
export class CreatePolicy {
  constructor(
    private readonly scope: TransactionScope,
    private readonly policies: PolicyStore,
    private readonly periods: PeriodStore,
  ) {}

  async execute(document: unknown): Promise<StoredPolicy> {
    const { policy, errors } = validatePolicy(document);
    if (!policy) throw ScoringErrors.policyInvalid(errors);
    return this.scope.run(async () => {
      const closed = await this.periods.latestClosed();
      if (closed && policy.effectiveFrom <= closed) throw ScoringErrors.policyEffectiveInClosedMonth(policy.effectiveFrom, closed);
      return this.policies.create(policy);
    });
  }
}
