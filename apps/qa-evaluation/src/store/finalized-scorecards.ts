import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { PgStore } from './pg-store';

/** qa's copy of which agent-months scoring has closed (from `scoring.score.finalized`). */
export abstract class FinalizedScorecards {
  abstract record(agentId: string, period: string, finalizedAt: Date): Promise<void>;
  abstract isFinalized(agentId: string, period: string): Promise<boolean>;
}

@Injectable()
export class PgFinalizedScorecards extends PgStore implements FinalizedScorecards {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async record(agentId: string, period: string, finalizedAt: Date): Promise<void> {
    await this.q(`INSERT INTO qa.finalized_scorecard (agent_id, period, finalized_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [agentId, period, finalizedAt]);
  }

  async isFinalized(agentId: string, period: string): Promise<boolean> {
    return (await this.q(`SELECT 1 FROM qa.finalized_scorecard WHERE agent_id = $1 AND period = $2`, [agentId, period])).length > 0;
  }
}
