import { Injectable } from '@nestjs/common';
import { needsAppraisal, scoreMonth, standingsOf } from '../domain/scoring/score-month';
import type { Scorecard } from '../domain/scoring/scorecard';
import type { Standing } from '../domain/scoring/standing';
import { MonthInputsStore } from '../store/month-inputs.store';
import type { StoredPolicy } from '../store/policy.store';

/** Loads a month's facts and scores them under a policy: the one path of every scorecard. */
@Injectable()
export class MonthScorer {
  constructor(private readonly inputs: MonthInputsStore) {}

  /** Every card of the month, or with `only` the cards of those people (ranked among everyone). */
  async score(period: string, policy: StoredPolicy, carryOver: boolean, only?: ReadonlySet<string>): Promise<Scorecard[]> {
    const inputs = await this.inputs.load(period, policy.document, { carryOver });
    return scoreMonth(inputs, policy.document, policy.policyVersion, { only });
  }

  /** Where everyone stands (totals, award eligibility, missing appraisals), without building a card. */
  async standings(period: string, policy: StoredPolicy): Promise<Standing[]> {
    return standingsOf(await this.inputs.load(period, policy.document, { carryOver: false }), policy.document);
  }
}

/** Appraised agents whose scorecard needs an appraisal and has none. */
export function missingAppraisals(cards: Scorecard[]): string[] {
  return cards.filter((c) => needsAppraisal(c.appraised, c.flags)).map((c) => c.agentId);
}
