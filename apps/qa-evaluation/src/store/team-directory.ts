import { Injectable } from '@nestjs/common';
import { TeamDirectory, type DirectoryEntry } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { PgStore } from './pg-store';

interface Row { agent_id: string; team: string | null; supervisor_id: string | null; active: boolean }
const entry = (r: Row): DirectoryEntry => ({ agentId: r.agent_id, team: r.team, supervisorId: r.supervisor_id, active: r.active });

/** Team scope (libs/auth TeamScope) over qa's copy of attendance's directory. */
@Injectable()
export class PgTeamDirectory extends PgStore implements TeamDirectory {
  constructor(scope: TransactionScope) {
    super(scope);
  }

  async entries(agentIds: readonly string[]): Promise<DirectoryEntry[]> {
    if (agentIds.length === 0) return [];
    return (await this.q<Row>(`SELECT agent_id, team, supervisor_id, active FROM qa.agent WHERE agent_id = ANY($1::text[])`, [[...agentIds]])).map(entry);
  }

  async around(personId: string): Promise<DirectoryEntry[]> {
    return (await this.q<Row>(`SELECT agent_id, team, supervisor_id, active FROM qa.agent WHERE agent_id = $1 OR supervisor_id = $1`, [personId])).map(entry);
  }
}
