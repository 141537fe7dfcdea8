import { Injectable } from '@nestjs/common';
import { scoreMonth } from '../domain/scoring/score-month';
import type { Scorecard } from '../domain/scoring/scorecard';
import { MonthInputsStore } from '../store/month-inputs.store';
import type { StoredPolicy } from '../store/policy.store';

/** Loads a month's facts and scores them under a policy: the one path of every scorecard. */
@Injectable()
export class MonthScorer {
  constructor(private readonly inputs: MonthInputsStore) {}

  async score(period: string, policy: StoredPolicy, carryOver: boolean): Promise<Scorecard[]> {
    const inputs = await this.inputs.load(period, policy.document, { carryOver });
    return scoreMonth(inputs, policy.document, policy.policyVersion);
  }
}

/** Appraised agents whose scorecard needs an appraisal and has none. */
export function missingAppraisals(cards: Scorecard[]): string[] {
  return cards.filter((c) => c.appraised && c.flags.includes('APPRAISAL_MISSING')).map((c) => c.agentId);
}
