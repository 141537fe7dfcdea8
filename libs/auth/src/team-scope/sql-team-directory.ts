import type { DirectoryEntry } from './team-rule';
import { TeamDirectory } from './team-directory';

/** Runs one SQL statement in the caller's transaction (a service passes its TransactionScope's manager). */
export type RunQuery = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/**
 * Where a service keeps its copy of attendance's directory: a trusted table name and the SQL
 * expressions of its columns (attendance reads the supervisor from its record document).
 */
export interface DirectoryTable {
  table: string;
  supervisor?: string;
  team?: string;
}

interface Row { agent_id: string; team: string | null; supervisor_id: string | null; active: boolean }
const entry = (r: Row): DirectoryEntry => ({ agentId: r.agent_id, team: r.team, supervisorId: r.supervisor_id, active: r.active });

/**
 * The one TeamDirectory every service uses over its own table: the same two questions of team
 * scope, asked of a different table. Never a call to another service.
 */
export class SqlTeamDirectory extends TeamDirectory {
  private readonly select: string;
  private readonly supervisor: string;

  constructor(private readonly run: RunQuery, source: DirectoryTable) {
    super();
    this.supervisor = source.supervisor ?? 'supervisor_id';
    this.select = `SELECT agent_id, ${source.team ?? 'team'} AS team, ${this.supervisor} AS supervisor_id, active FROM ${source.table}`;
  }

  async entries(agentIds: readonly string[]): Promise<DirectoryEntry[]> {
    if (agentIds.length === 0) return [];
    return (await this.run<Row>(`${this.select} WHERE agent_id = ANY($1::text[])`, [[...agentIds]])).map(entry);
  }

  async around(personId: string): Promise<DirectoryEntry[]> {
    return (await this.run<Row>(`${this.select} WHERE agent_id = $1 OR ${this.supervisor} = $1`, [personId])).map(entry);
  }
}
