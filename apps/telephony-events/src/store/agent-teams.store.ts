import { Injectable } from '@nestjs/common';
import { SqlTeamDirectory, TeamDirectory, type DirectoryEntry } from '@app/auth';
import type { AgentUpsertedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';

/** telephony's copy of who is in which team and reports to whom (attendance owns the directory). */
export abstract class AgentTeamsStore extends TeamDirectory {
  /** Keeps the highest version; false for an older or equal one. */
  abstract save(e: AgentUpsertedEvent): Promise<boolean>;
}

@Injectable()
export class PgAgentTeamsStore extends AgentTeamsStore {
  private readonly directory: SqlTeamDirectory;

  constructor(private readonly scope: TransactionScope) {
    super();
    this.directory = new SqlTeamDirectory((sql, params) => scope.manager().query(sql, params), { table: 'telephony.agent_team' });
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

  entries(agentIds: readonly string[]): Promise<DirectoryEntry[]> {
    return this.directory.entries(agentIds);
  }

  around(personId: string): Promise<DirectoryEntry[]> {
    return this.directory.around(personId);
  }
}
