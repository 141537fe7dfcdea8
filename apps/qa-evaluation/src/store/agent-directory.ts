import { Injectable } from '@nestjs/common';
import type { AgentUpsertedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { PgStore } from './pg-store';

export interface AgentCopy {
  agentId: string;
  name: string;
  team: string | null;
  role: string;
  supervisorId: string | null;
  active: boolean;
}

/** qa's copy of attendance's agents, teams and supervisors (highest version kept). */
export abstract class AgentDirectory {
  abstract save(e: AgentUpsertedEvent): Promise<boolean>;
  abstract get(agentId: string): Promise<AgentCopy | null>;
  abstract active(role: string): Promise<AgentCopy[]>;
}

interface Row { agent_id: string; name: string; team: string | null; role: string; supervisor_id: string | null; active: boolean }
const toAgent = (r: Row): AgentCopy => ({ agentId: r.agent_id, name: r.name, team: r.team, role: r.role, supervisorId: r.supervisor_id, active: r.active });

@Injectable()
export class PgAgentDirectory extends PgStore implements AgentDirectory {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async save(e: AgentUpsertedEvent): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO qa.agent (agent_id, name, team, role, supervisor_id, active, version) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (agent_id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, role = EXCLUDED.role, supervisor_id = EXCLUDED.supervisor_id,
         active = EXCLUDED.active, version = EXCLUDED.version, updated_at = now()
       WHERE qa.agent.version < EXCLUDED.version RETURNING 1`,
      [e.agentId, e.name, e.team, e.role, e.supervisorId, e.active, e.version],
    );
    return rows.length === 1;
  }

  async get(agentId: string): Promise<AgentCopy | null> {
    const [r] = await this.q<Row>(`SELECT * FROM qa.agent WHERE agent_id = $1`, [agentId]);
    return r ? toAgent(r) : null;
  }

  async active(role: string): Promise<AgentCopy[]> {
    return (await this.q<Row>(`SELECT * FROM qa.agent WHERE active AND role = $1 ORDER BY agent_id`, [role])).map(toAgent);
  }
}
