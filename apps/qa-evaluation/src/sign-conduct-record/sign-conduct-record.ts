import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { QaErrors } from '../qa-evaluation.errors';
import { ConductStore } from '../store/conduct.store';

/** The agent signs their record (from the API or the in-app inbox); signing twice keeps the first time. */
@Injectable()
export class SignConductRecord {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ConductStore,
  ) {}

  execute(recordId: string, agentId: string | undefined, at: Date): Promise<{ recordId: string; acknowledgedAt: string }> {
    return this.scope.run(async () => {
      const r = await this.store.get(recordId, true);
      if (!r) throw QaErrors.recordNotFound();
      if (!agentId || r.agentId !== agentId) throw QaErrors.notYours();
      await this.store.acknowledge(recordId, at);
      return { recordId, acknowledgedAt: (r.acknowledgedAt ?? at).toISOString() };
    });
  }
}
