import { Injectable } from '@nestjs/common';
import { PolicyCopyStore, TransactionScope, type ActivePolicy } from '@app/persistence';
import { DEFAULT_QA_POLICY, mergePolicy, type QaPolicy } from '../domain/policy/qa-policy';

export type ActiveQaPolicy = ActivePolicy<QaPolicy>;

/**
 * The stored policy over the defaults (merged section by section), read through a short cache so
 * every instance sees a change. `replace` stores values already merged over the defaults.
 */
@Injectable()
export class QaPolicyStore extends PolicyCopyStore<QaPolicy> {
  constructor(scope: TransactionScope) {
    super(scope, { table: 'qa.policy', column: 'values', stampColumn: 'updated_at', defaults: DEFAULT_QA_POLICY, merge: mergePolicy });
  }

  async current(): Promise<QaPolicy> {
    return (await this.active()).values;
  }
}
