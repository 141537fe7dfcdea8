import { Injectable } from '@nestjs/common';
import { PolicyCopyStore, TransactionScope, type ActivePolicy as Active } from '@app/persistence';
import { DEFAULT_TELEPHONY_POLICY, type TelephonyPolicy } from '../domain/telephony-policy';

export type ActivePolicy = Active<TelephonyPolicy>;

/** The telephony section of the policy scoring published last (defaults until one arrives). */
@Injectable()
export class TelephonyPolicyStore extends PolicyCopyStore<TelephonyPolicy> {
  constructor(scope: TransactionScope) {
    super(scope, { table: 'telephony.policy_copy', column: 'telephony', defaults: DEFAULT_TELEPHONY_POLICY });
  }

  current(): Promise<ActivePolicy> {
    return this.active();
  }
}
