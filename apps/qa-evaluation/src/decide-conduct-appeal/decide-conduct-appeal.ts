import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { Clock } from '../clock/clock';
import { appealOutcome, checkAppealDecision } from '../domain/conduct/appeal-rules';
import { issuerOverturned } from '../domain/conduct/issuer-overturned';
import { ConductEvents } from '../events/conduct-events';
import { QaErrors, rejected } from '../qa-evaluation.errors';
import { CatalogueStore } from '../store/catalogue.store';
import { ConductStore, type ConductRecord } from '../store/conduct.store';
import { QaPolicyStore } from '../store/qa-policy.store';
import type { DecideConductAppealCommand } from './decide-conduct-appeal.command';

/**
 * hr decides an appeal, once (`domain/conduct/appeal-rules.ts`). Upheld: the record is voided (`qa.conduct.voided`) and
 * whatever the overturn rule (`domain/conduct/issuer-overturned.ts`, rules.md §9) records against its issuer is stored
 * and published.
 */
@Injectable()
export class DecideConductAppeal {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
    private readonly catalogue: CatalogueStore,
    private readonly events: ConductEvents,
    private readonly policy: QaPolicyStore,
    private readonly clock: Clock,
  ) {}

  async execute(recordId: string, { upheld, reason }: DecideConductAppealCommand, hrId: string) {
    const policy = await this.policy.current();
    return this.scope.run(async () => {
      const r = await this.store.get(recordId, true);
      if (!r) throw QaErrors.recordNotFound();
      const appeal = await this.store.appeal(recordId);
      if (!appeal) throw QaErrors.appealNotFound();
      const problems = checkAppealDecision(appeal);
      if (problems.length) throw rejected(problems);
      const outcome = appealOutcome(upheld);
      const now = this.clock.now();
      await this.store.decideAppeal(recordId, upheld, hrId, reason, now);
      let overturn: ConductRecord | null = null;
      if (outcome.voidsRecord) {
        await this.store.void(recordId, reason, now);
        await this.events.voided(r, reason, now);
      }
      if (outcome.costsIssuer) {
        const item = await this.catalogue.get(policy.conduct.issuerOverturnedCode);
        const adjustment = issuerOverturned(policy, item, r, { decidedBy: hrId, at: now });
        if (adjustment) {
          overturn = { ...adjustment, status: 'recorded', createdAt: now, acknowledgedAt: null, voidedAt: null, voidReason: null };
          await this.store.insert(overturn);
          await this.events.recorded(overturn, policy.conduct.alertKind);
        }
      }
      return { recordId, status: outcome.status, voided: outcome.voidsRecord, issuerAdjustment: overturn ? { recordId: overturn.recordId, agentId: overturn.agentId, points: overturn.points } : null };
    });
  }
}
