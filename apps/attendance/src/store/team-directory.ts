import { Injectable } from '@nestjs/common';
import { TeamDirectory, type DirectoryEntry } from '@app/auth';
import { TransactionScope } from '@app/persistence';

interface Row { agent_id: string; team: string; supervisor_id: string | null; active: boolean }
const entry = (r: Row): DirectoryEntry => ({ agentId: r.agent_id, team: r.team, supervisorId: r.supervisor_id, active: r.active });

/** Team scope's view of the directory attendance owns (libs/auth TeamScope). */
@Injectable()
export class PgTeamDirectory extends TeamDirectory {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async entries(agentIds: readonly string[]): Promise<DirectoryEntry[]> {
    if (agentIds.length === 0) return [];
    const rows: Row[] = await this.scope.manager().query(
      `SELECT agent_id, team, record->>'supervisorId' AS supervisor_id, active FROM attendance.agent WHERE agent_id = ANY($1::text[])`,
      [[...agentIds]],
    );
    return rows.map(entry);
  }

  async around(personId: string): Promise<DirectoryEntry[]> {
    const rows: Row[] = await this.scope.manager().query(
      `SELECT agent_id, team, record->>'supervisorId' AS supervisor_id, active FROM attendance.agent WHERE agent_id = $1 OR record->>'supervisorId' = $1`,
      [personId],
    );
    return rows.map(entry);
  }
}
