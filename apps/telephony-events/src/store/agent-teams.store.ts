import { Injectable } from '@nestjs/common';
import { TeamDirectory, type DirectoryEntry } from '@app/auth';
import type { AgentUpsertedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';

/** telephony's copy of who is in which team and reports to whom (attendance owns the directory). */
export abstract class AgentTeamsStore extends TeamDirectory {
  /** Keeps the highest version; false for an older or equal one. */
  abstract save(e: AgentUpsertedEvent): Promise<boolean>;
}

interface Row { agent_id: string; team: string | null; supervisor_id: string | null; active: boolean }
const entry = (r: Row): DirectoryEntry => ({ agentId: r.agent_id, team: r.team, supervisorId: r.supervisor_id, active: r.active });

@Injectable()
export class PgAgentTeamsStore extends AgentTeamsStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async save(e: AgentUpsertedEvent): Promise<boolean> {
    const rows: unknown[] = await this.scope.manager().query(
      `INSERT INTO telephony.agent_team (agent_id, team, supervisor_id, active, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agent_id) DO UPDATE SET team = EXCLUDED.team, supervisor_id = EXCLUDED.supervisor_id, active = EXCLUDED.active,
         version = EXCLUDED.version, updated_at = now()
       WHERE telephony.agent_team.version < EXCLUDED.version RETURNING agent_id`,
      [e.agentId, e.team ?? null, e.supervisorId ?? null, e.active !== false, e.version],
    );
    return rows.length > 0;
  }

  async entries(agentIds: readonly string[]): Promise<DirectoryEntry[]> {
    if (agentIds.length === 0) return [];
    const rows: Row[] = await this.scope.manager().query(`SELECT agent_id, team, supervisor_id, active FROM telephony.agent_team WHERE agent_id = ANY($1::text[])`, [[...agentIds]]);
    return rows.map(entry);
  }

  async around(personId: string): Promise<DirectoryEntry[]> {
    const rows: Row[] = await this.scope.manager().query(`SELECT agent_id, team, supervisor_id, active FROM telephony.agent_team WHERE agent_id = $1 OR supervisor_id = $1`, [personId]);
    return rows.map(entry);
  }
}
